import { fontkit } from './fontkit';
import { PDFDocument, rgb, type PDFImage, type PDFPage } from '@cantoo/pdf-lib';
import type { CertTemplate } from '../../../shared/certificates';
import { drawDefaultDesign, drawDivider } from './default-design';
import { drawFitted, drawLines, GOLD, INK, measurer, NAVY, type Fonts } from './draw-text';
import { pageMm, PT_PER_MM, ptBox } from './geometry';
import { drawSignatory, signatoryTitleLines } from './signatory';
import { fillWording, fitParagraph } from './text-layout';
import type { ImageAsset, RenderInput } from './types';
import { drawProgramme } from './back-page';
import { drawPdfCover, embedPdfBackground } from './pdf-background';

/**
 * Everything on a certificate that is the same for every person, drawn ONCE into a separate
 * document whose pages are then embedded as Form XObjects and drawn on every certificate:
 * - base: background or default design, logo, title, "Diberikan kepada", place and date,
 *   signature blocks, QR caption;
 * - one page per role: the wording ("… sebagai Peserta dalam kegiatan …");
 * - back: the programme, if the template has a back page (more than one page for a long one).
 * A photographic JPEG is embedded once, as JPEG, however many certificates follow.
 */
export interface TemplatePages {
  doc: PDFDocument;
  base: PDFPage;
  roles: Map<string, PDFPage>;
  back: PDFPage[];
}

export async function buildTemplatePages(input: RenderInput, roles: string[]): Promise<TemplatePages> {
  const t = input.template;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(input.fonts.regular, { subset: true }),
    bold: await doc.embedFont(input.fonts.bold, { subset: true }),
    italic: await doc.embedFont(input.fonts.italic, { subset: true }),
  };
  const size = pageMm(t.orientation);
  const W = size.w * PT_PER_MM;
  const H = size.h * PT_PER_MM;
  const box = (id: keyof CertTemplate['fields']) => ptBox(t.fields[id], size.h);
  const f = t.fields;

  const paintBackground = await backgroundPainter(doc, input);
  const base = doc.addPage([W, H]);
  paintBackground(base);
  // Under the name only when the name line is printed (the standard's template has it in the identity block).
  if (t.background === 'default' && f.name.visible) {
    const nb = box('name');
    // The diamond (1.1 mm) clears the name's box by half a millimetre: a name's descenders reach
    // the box's bottom edge. Its lower tip stays above the regency's capitals
    // (2 mm below the name's box in landscape, 3 mm in portrait). tests/unit/certificates/name-rule.test.ts
    drawDivider(base, nb.x + nb.w / 2, nb.y - 1.6 * PT_PER_MM, Math.min(nb.w, 150 * PT_PER_MM));
  }
  if (f.logo.visible && input.logo) {
    const img = await embedImage(doc, input.logo);
    const b = box('logo');
    const s = Math.min(b.w / img.width, b.h / img.height);
    const w = img.width * s;
    const h = img.height * s;
    const x = f.logo.align === 'left' ? b.x : f.logo.align === 'right' ? b.x + b.w - w : b.x + (b.w - w) / 2;
    base.drawImage(img, { x, y: b.y + (b.h - h) / 2, width: w, height: h });
  }
  if (f.title.visible && t.wording.title) {
    drawFitted(
      base,
      t.wording.title,
      box('title'),
      f.title.size,
      f.title.bold ? fonts.bold : fonts.regular,
      f.title.align,
      NAVY,
      0.14,
    );
  }
  if (f.givenTo.visible && t.wording.givenTo) {
    drawFitted(
      base,
      t.wording.givenTo,
      box('givenTo'),
      f.givenTo.size,
      f.givenTo.bold ? fonts.bold : fonts.italic,
      f.givenTo.align,
    );
  }
  if (f.placeDate.visible) {
    const text = `${input.event.signingPlace}, ${input.event.signingDate}`;
    drawFitted(base, text, box('placeDate'), f.placeDate.size, f.placeDate.bold ? fonts.bold : fonts.regular, f.placeDate.align);
  }
  // Two blocks side by side (tops level, as the default layout has them) reserve the same
  // number of lines for the position, so the two names and NIPs line up.
  const second = f.signatory2.visible ? input.event.signatory2 : null;
  const level = f.signatory.visible && second && Math.abs(f.signatory.y - f.signatory2.y) < 1;
  const titleLines = level
    ? Math.max(
        signatoryTitleLines(input.event.signatory, f.signatory, box('signatory'), fonts),
        signatoryTitleLines(second, f.signatory2, box('signatory2'), fonts),
      )
    : 0;
  if (f.signatory.visible) {
    const sig = input.signature ? await embedImage(doc, input.signature) : null;
    drawSignatory(base, input.event.signatory, f.signatory, box('signatory'), fonts, sig, titleLines);
  }
  if (second) {
    const sig = input.signature2 ? await embedImage(doc, input.signature2) : null;
    drawSignatory(base, second, f.signatory2, box('signatory2'), fonts, sig, titleLines);
  }
  if (f.qr.visible && t.wording.qrCaption) {
    const q = box('qr');
    const side = Math.min(q.w, q.h);
    const cap = { x: q.x - 10 * PT_PER_MM, w: q.w + 20 * PT_PER_MM, h: f.qr.size * 1.4, top: q.top - side, y: 0 };
    cap.y = cap.top - cap.h;
    drawFitted(base, t.wording.qrCaption, cap, f.qr.size, fonts.italic, 'center', rgb(0.3, 0.3, 0.32));
  }

  const rolePages = new Map<string, PDFPage>();
  const measure = measurer(fonts);
  const place = placeOf(input.event.venue, input.event.city);
  for (const role of roles) {
    const page = doc.addPage([W, H]);
    if (f.body.visible) {
      const wording = t.wording.roles[role] ?? t.wording.other;
      const runs = fillWording(
        wording,
        {
          event: input.event.name,
          organiser: input.event.organiser,
          dates: input.event.dates,
          venue: input.event.venue,
          city: input.event.city,
          place,
          role,
        },
        ['event'],
      );
      const b = box('body');
      const fit = fitParagraph(runs, b, f.body.size, measure);
      drawLines(page, fit.lines, b, fit.size, f.body.align, fonts, INK, 1.3, f.body.bold ? fonts.bold : fonts.regular);
    }
    if (f.role.visible) {
      drawFitted(
        page,
        role.toUpperCase(),
        box('role'),
        f.role.size,
        f.role.bold ? fonts.bold : fonts.regular,
        f.role.align,
        NAVY,
        0.08,
      );
    }
    rolePages.set(role, page);
  }

  const back = t.backPage
    ? drawProgramme(
        () => {
          const page = doc.addPage([W, H]);
          // The back follows the front's design: the organiser's own background (and its white
          // panel) when there is one, not the built-in frame (issue 16, defect 14).
          if (t.background === 'custom' && input.background) paintBackground(page);
          else drawDefaultDesign(page, { rosette: false });
          return page;
        },
        input.event,
        fonts,
      )
    : [];

  // Fonts are subset and images written only when the document is flushed; the pages can be
  // copied into the certificates' document after that.
  await doc.flush();
  return { doc, base, roles: rolePages, back };
}

/** "Hotel Horison Bandar Lampung" already names the city; "Aula Dinas Sosial" does not. */
export function placeOf(venue: string, city: string): string {
  return venue.toLowerCase().includes(city.toLowerCase()) ? venue : `${venue}, ${city}`;
}

async function embedImage(doc: PDFDocument, img: ImageAsset): Promise<PDFImage> {
  return img.mime === 'image/jpeg' ? doc.embedJpg(img.bytes) : doc.embedPng(img.bytes);
}

/**
 * Embeds the background once and returns what paints it on a page (the front, and the back pages
 * when the design is the organiser's own): the embedding is async, the back pages are made in a
 * synchronous loop.
 */
async function backgroundPainter(doc: PDFDocument, input: RenderInput): Promise<(page: PDFPage) => void> {
  const bg = input.template.background === 'custom' ? input.background : null;
  if (!bg) return (page) => drawDefaultDesign(page);
  if (bg.mime === 'application/pdf') {
    const embedded = await embedPdfBackground(doc, bg.bytes);
    return (page) => (drawPdfCover(page, embedded), drawPanel(page, input));
  }
  const img = await embedImage(doc, { mime: bg.mime, bytes: bg.bytes });
  return (page) => {
    const { width: W, height: H } = page.getSize();
    // Cover the page, centred, keeping the aspect ratio; what overflows is cut by the page edge.
    const s = Math.max(W / img.width, H / img.height);
    page.drawImage(img, {
      x: (W - img.width * s) / 2,
      y: (H - img.height * s) / 2,
      width: img.width * s,
      height: img.height * s,
    });
    drawPanel(page, input);
  };
}

function drawPanel(page: PDFPage, input: RenderInput): void {
  const { width: W, height: H } = page.getSize();
  if (input.template.panel) {
    // Opaque on purpose: a translucent veil needs PDF transparency, which cheap printers' drivers
    // flatten badly and poppler renders slowly; the photograph stays visible as a wide frame.
    const m = 13 * PT_PER_MM;
    page.drawRectangle({
      x: m,
      y: m,
      width: W - 2 * m,
      height: H - 2 * m,
      color: rgb(1, 1, 1),
      borderColor: GOLD,
      borderWidth: 1.2,
    });
    const i = m + 2.5 * PT_PER_MM;
    page.drawRectangle({ x: i, y: i, width: W - 2 * i, height: H - 2 * i, borderColor: GOLD, borderWidth: 0.5 });
  }
}
