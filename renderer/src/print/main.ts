// The print page, loaded by electron/main/print.ts in a hidden window as
// app://hadir/print.html#job=<token>. It fetches the PDF waiting under that token, and offers
// main two promises, awaited through webContents.executeJavaScript:
//   window.printDoc           -> { pages: [{ widthPt, heightPt }] } once the PDF is read;
//   window.renderForPrint(from, to, dpi) -> { rendered } once those pages are drawn and decoded,
//                                     i.e. the document is ready for webContents.print().
// Tested in Chromium through the web host (tests/e2e/print-page.spec.ts).
import { printJob } from '../api';
import { openPdf, pageImage, type PDFDocumentProxy } from '../pdf/pdfjs';
import { pageRule, type PageSize } from './page-rule';
import './print.css';

declare global {
  interface Window {
    printDoc: Promise<{ pages: PageSize[] }>;
    renderForPrint: (from: number, to: number, dpi: number) => Promise<{ rendered: number }>;
  }
}

const container = document.getElementById('pages')!;
let doc: PDFDocumentProxy | null = null;
let sizes: PageSize[] = [];
let shown: string[] = [];

async function load(): Promise<{ pages: PageSize[] }> {
  const token = /^#job=([0-9a-f]{32})$/.exec(location.hash)?.[1];
  if (!token) throw new Error('No print job in the address');
  doc = await openPdf(await printJob(token));
  sizes = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const { width, height } = (await doc.getPage(i)).getViewport({ scale: 1 });
    sizes.push({ widthPt: width, heightPt: height });
  }
  return { pages: sizes };
}

window.printDoc = load();
// Main reads the failure through executeJavaScript; this only keeps it from being "unhandled".
window.printDoc.catch(() => undefined);

window.renderForPrint = async (from, to, dpi) => {
  await window.printDoc;
  if (!doc || !Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > doc.numPages || from > to) {
    throw new Error(`No pages ${from}–${to} in this PDF`);
  }
  for (const url of shown) URL.revokeObjectURL(url);
  shown = [];
  container.replaceChildren();
  setPageRule(sizes[from - 1]!);
  // One page at a time: only one full-resolution canvas exists at any moment.
  for (let n = from; n <= to; n++) {
    const url = await pageImage(await doc.getPage(n), dpi);
    shown.push(url);
    const img = new Image();
    img.className = 'page';
    img.alt = '';
    img.src = url;
    // Style through the CSSOM (the CSP forbids inline style attributes in markup, not this).
    img.style.width = `${sizes[n - 1]!.widthPt}pt`;
    img.style.height = `${sizes[n - 1]!.heightPt}pt`;
    await img.decode(); // printed only once every image is decoded, never a blank page
    container.append(img);
  }
  return { rendered: to - from + 1 };
};

/** The @page rule for this job: its size, no margins (print-options.ts asks for none, too). */
function setPageRule(size: PageSize) {
  const sheet = [...document.styleSheets].find((s) => {
    try {
      return s.cssRules.length >= 0;
    } catch {
      return false;
    }
  });
  if (!sheet) throw new Error('The print style sheet is missing');
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    if (sheet.cssRules[i] instanceof CSSPageRule) sheet.deleteRule(i);
  }
  sheet.insertRule(pageRule(size), sheet.cssRules.length);
}
