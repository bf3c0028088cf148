import { drawsInArabic } from '../../pdf/arabic-names';
import zlib from 'node:zlib';
import { PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { FieldBox } from '../../../shared/certificates';
import { backNumberBox } from './back-page';
import { fontkit } from './fontkit';
import { pageMm, PT_PER_MM, ptBox, type PtBox } from './geometry';
import { encodeRepeated, pageFont, widthAt, type PageFont } from './page-font';
import { qrOperators } from '../../pdf/qr-operators';
import { StreamedPdf } from '../../pdf/streamed-pdf';
import { templatePages } from './template-cache';
import { fitName } from './text-layout';
import type { CertData, RenderInput } from './types';
import { identityLines } from './identity-block';

export type { RenderInput, CertData } from './types';

export interface RenderOptions {
  /** Called after each certificate (a job's progress bar); return false to stop (cancel). */
  onProgress?: (done: number, total: number) => boolean | void;
  title?: string;
}

export class RenderCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const NAVY = '0.106 0.165 0.29 rg';
const INK = '0.12 0.12 0.14 rg';

/**
 * PURE: plain data and bytes in, PDF bytes out. Never touches the database or the file system,
 * so a worker thread can run it. One page per certificate, plus the programme on the back (two pages or more for a long one).
 *
 * Speed (tests/bench/certificates.ts): everything that is the same on every certificate is drawn
 * once into Form XObjects (template-page.ts). Each certificate page is then ONE content stream
 * written here as text: draw the template, the name, regency and number (text operators with
 * the fonts' glyph ids) and the QR as rectangles; deflated by Node's zlib. All pages share
 * one resource dictionary. pdf-lib's per-call drawing API builds an object per operator and
 * compresses in JavaScript; this does neither.
 */
export async function renderCertificates(input: RenderInput, opts: RenderOptions = {}): Promise<Uint8Array> {
  const t = input.template;
  const roles = [...new Set(input.certificates.map((c) => c.role))].sort();
  const tpl = await templatePages(input, roles);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(opts.title ?? 'Sertifikat');
  doc.setProducer('Hadir');
  doc.setCreator('Hadir');
  const bold = await doc.embedFont(input.fonts.bold, { subset: true });
  const regular = await doc.embedFont(input.fonts.regular, { subset: true });

  const pages = [tpl.base, ...roles.map((r) => tpl.roles.get(r)!), ...tpl.back];
  const embedded = await doc.embedPages(pages);
  const xobj: Record<string, PDFRef> = { Tb: embedded[0]!.ref };
  roles.forEach((_, i) => (xobj[`Tr${i}`] = embedded[1 + i]!.ref));
  const backKeys = tpl.back.map((_, i) => `Tk${i}`);
  backKeys.forEach((k, i) => (xobj[k] = embedded[1 + roles.length + i]!.ref));
  const roleKey = new Map(roles.map((r, i) => [r, `Tr${i}`]));

  // One resource dictionary for every page: the two fonts and the template forms.
  // The Arabic fallback, embedded only when a name of this batch is drawn in it.
  const arabicBytes = input.fonts.arabic;
  const arabic = input.certificates.some((c) => drawsInArabic(c.name, arabicBytes))
    ? await doc.embedFont(arabicBytes!, { subset: true })
    : null;
  const fontDict: Record<string, PDFRef> = { FB: bold.ref, FR: regular.ref, ...(arabic ? { FA: arabic.ref } : {}) };
  // Pages written as they finish, one resource dictionary for all (core/pdf/streamed-pdf.ts).
  const out = new StreamedPdf(doc, { Font: fontDict, XObject: xobj });
  const fonts: PageFonts = {
    bold: pageFont(bold, 'FB'),
    regular: pageFont(regular, 'FR'),
    ...(arabic ? { arabic: pageFont(arabic, 'FA') } : {}),
  };

  const size = pageMm(t.orientation);
  const W = size.w * PT_PER_MM;
  const H = size.h * PT_PER_MM;
  const addPage = (ops: string) => out.addPage([W, H], ops);

  // The name font's descent (a fraction of its size): how far "p" and "g" reach below the baseline.
  const nameFont = fontkit.create(t.fields.name.bold ? input.fonts.bold : input.fonts.regular) as unknown as {
    descent: number;
    unitsPerEm: number;
  };
  const nameDescent = Math.abs(nameFont.descent) / nameFont.unitsPerEm;

  const total = input.certificates.length;
  for (let i = 0; i < total; i++) {
    const c = input.certificates[i]!;
    // Widths remembered for one person's page only (the name is measured more than once), not
    // across people: names do not repeat in a real batch, and a benchmark's would flatter it.
    fonts.bold.page.clear();
    fonts.regular.page.clear();
    fonts.arabic?.page.clear();
    addPage(frontOps(c, roleKey.get(c.role)!, input, fonts, size.h, nameDescent));
    for (const k of backKeys) addPage(backOps(c, k, fonts.regular, { w: W, h: H }));
    if (opts.onProgress?.(i + 1, total) === false) throw new RenderCancelled();
  }
  return out.finish();
}

interface PageFonts {
  bold: PageFont;
  regular: PageFont;
  arabic?: PageFont;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** `BT … Tj ET` for one line; encodeText also records the glyphs for the font subset. */
function textOp(f: PageFont, text: string, x: number, y: number, size: number, repeats = false): string {
  const hex = repeats ? encodeRepeated(f, text) : f.font.encodeText(text).toString();
  return `BT /${f.key} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm ${hex} Tj ET`;
}

function alignX(box: PtBox, width: number, align: FieldBox['align']): number {
  return align === 'left' ? box.x : align === 'right' ? box.x + box.w - width : box.x + (box.w - width) / 2;
}

/**
 * One line fitted to the box: shrunk when too wide, centred vertically (as draw-text.ts does).
 * `repeats`: the text recurs across the batch (a regency), so its layout is kept for the batch.
 */
function fittedOp(f: PageFont, text: string, box: PtBox, maxSize: number, align: FieldBox['align'], repeats = false): string {
  const w1 = widthAt(f, text, 1, repeats ? f.batch : f.page);
  const size = Math.max(4, Math.min(maxSize, box.w / w1, box.h / 1.15));
  const baseline = box.top - box.h / 2 - 0.35 * size;
  return textOp(f, text, alignX(box, w1 * size, align), baseline, size, repeats);
}

function frontOps(
  c: CertData,
  roleKey: string,
  input: RenderInput,
  fonts: PageFonts,
  pageH: number,
  nameDescent: number,
): string {
  const f = input.template.fields;
  const ops = ['q /Tb Do Q', `q /${roleKey} Do Q`];
  const pick = (b: FieldBox) => (b.bold ? fonts.bold : fonts.regular);
  if (f.name.visible) {
    const b = ptBox(f.name, pageH);
    const pf = fonts.arabic && drawsInArabic(c.name, input.fonts.arabic) ? fonts.arabic : pick(f.name);
    const fit = fitName(c.name, b, f.name.size, (s) => widthAt(pf, s, 1));
    const gap = 1.15;
    const blockTop = b.top - (b.h - fit.lines.length * fit.size * gap) / 2;
    const baseline = (i: number) => blockTop - (i + 0.5) * fit.size * gap - 0.35 * fit.size;
    // A name that fills its box would hang its last line's descenders ("p", "g", the comma of
    // ", S.Pd.") below the box, onto the default design's gold rule: lift the block so they stay
    // inside (a few tenths of a millimetre; the top has that much room above the capitals).
    const lift = Math.max(0, b.y + nameDescent * fit.size - baseline(fit.lines.length - 1));
    ops.push(NAVY);
    fit.lines.forEach((line, i) => {
      const x = alignX(b, widthAt(pf, line, fit.size), f.name.align);
      ops.push(textOp(pf, line, x, baseline(i) + lift, fit.size));
    });
  }
  ops.push(INK);
  if (f.regency.visible && c.regency)
    ops.push(fittedOp(pick(f.regency), c.regency, ptBox(f.regency, pageH), f.regency.size, f.regency.align, true));
  if (f.number.visible) {
    const label = input.template.wording.numberLabel;
    ops.push(
      fittedOp(pick(f.number), label ? `${label}: ${c.number}` : c.number, ptBox(f.number, pageH), f.number.size, f.number.align),
    );
  }
  const id = input.template.identity;
  if (id?.box.visible) {
    const b = ptBox(id.box, pageH);
    const jp = input.event.programme.reduce((s, p) => s + p.jp, 0);
    const block = identityLines(c, id, jp, b.w, id.box.size, b.h, (t, bold) => widthAt(bold ? fonts.bold : fonts.regular, t, 1));
    const fontOf = (bold: boolean) => (bold ? fonts.bold : fonts.regular);
    for (const l of block.lines) {
      const y = b.top - l.top - 0.8 * block.size;
      if (l.label !== null) ops.push(textOp(fonts.regular, l.label, b.x, y, block.size));
      if (l.label !== null) ops.push(textOp(fonts.regular, ':', b.x + block.labelW, y, block.size));
      const x = l.label === null && !l.continued ? b.x : b.x + block.valueX;
      const pf = l.bold && fonts.arabic && drawsInArabic(l.text, input.fonts.arabic) ? fonts.arabic : fontOf(l.bold);
      if (l.text) ops.push(textOp(pf, l.text, l.free ? b.x : x, y, block.size));
    }
  }
  if (f.qr.visible) {
    const b = ptBox(f.qr, pageH);
    const side = Math.min(b.w, b.h);
    ops.push(qrOperators(c.qr, b.x + (b.w - side) / 2, b.top - side, side));
  }
  return ops.join('\n');
}

function backOps(c: CertData, key: string, regular: PageFont, page: { w: number; h: number }): string {
  const box = backNumberBox({ getSize: () => ({ width: page.w, height: page.h }) });
  return [`q /${key} Do Q`, INK, fittedOp(regular, `Lampiran sertifikat nomor ${c.number}`, box, 9, 'right')].join('\n');
}
