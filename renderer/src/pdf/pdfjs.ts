// pdf.js, set up once for every page that draws a PDF (the print page; badge and certificate
// previews next). Its worker is bundled and served from the app's own origin: the CSP allows
// workers from 'self' only, and a kiosk is often offline.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy };

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // Hadir's own PDFs embed their fonts (resources/fonts), so no standard-font or CMap files are
  // fetched; pdf.js falls back to a browser font for a PDF that relies on the base 14.
  // pdf.js TRANSFERS the buffer it is given to its worker, which detaches it here: the caller's
  // bytes become 0 bytes long. The on-demand certificate was previewed with its own bytes, and its
  // "Simpan PDF" then downloaded an empty file and "Cetak" opened "Failed to load PDF document"
  // (issue 16, defect 1). pdf.js always gets its own copy; the caller's bytes stay whole.
  return getDocument({ data: bytes.slice(), isEvalSupported: false } as Parameters<typeof getDocument>[0]).promise;
}

/** A page drawn at `dpi` as a PNG blob URL (PNG: QR edges must stay sharp). The caller revokes it. */
export async function pageImage(page: PDFPageProxy, dpi: number): Promise<string> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport, intent: 'print' }).promise;
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The page could not be drawn'))), 'image/png'),
  );
  canvas.width = canvas.height = 0; // frees the bitmap now rather than at the next GC
  return URL.createObjectURL(blob);
}
