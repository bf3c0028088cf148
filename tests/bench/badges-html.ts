// The same name tags as an HTML page, for the Chromium reference (page.pdf()): every element at
// the position the PDF renderer gives it (core/badges/tag-layout), the same Noto Sans files as
// @font-face, the logo as an <img>, and each QR as an SVG path of the same module rectangles.
import { ASCENT } from '../../electron/core/pdf/fit-text';
import { qrRects, QR_MODULES } from '../../electron/core/qr/qr-modules';
import type { Sheet } from '../../electron/core/badges/sheets';
import type { Element } from '../../electron/core/badges/tag-layout';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const rgb = (c: readonly number[]) => `rgb(${c.map((v) => Math.round(v * 255)).join(',')})`;
const mmPt = 25.4 / 72;

function qrSvg(e: Extract<Element, { kind: 'qr' }>): string {
  const d = qrRects(e.payload)
    .map((r) => `M${r.x} ${r.y}h${r.w}v${r.h}h-${r.w}z`)
    .join('');
  return `<svg style="position:absolute;left:${e.rect.x}mm;top:${e.rect.y}mm;width:${e.rect.w}mm;height:${e.rect.h}mm" viewBox="0 0 ${QR_MODULES} ${QR_MODULES}" shape-rendering="crispEdges"><path d="${d}"/></svg>`;
}

function element(e: Element, logoUrl: string | null): string {
  if (e.kind === 'rect')
    return `<div style="position:absolute;left:${e.rect.x}mm;top:${e.rect.y}mm;width:${e.rect.w}mm;height:${e.rect.h}mm;background:${rgb(e.color)}"></div>`;
  if (e.kind === 'logo')
    return logoUrl
      ? `<img src="${logoUrl}" style="position:absolute;left:${e.rect.x}mm;top:${e.rect.y}mm;width:${e.rect.w}mm;height:${e.rect.h}mm">`
      : '';
  if (e.kind === 'qr') return qrSvg(e);
  return e.lines
    .map(
      (l) =>
        `<span class="${e.font}" style="left:${l.x}mm;top:${l.baseline - e.size * ASCENT * mmPt}mm;font-size:${e.size}pt;color:${rgb(e.color)}">${esc(l.text)}</span>`,
    )
    .join('');
}

export function badgesHtml(
  sheet: Sheet,
  pages: { slot: number; elements: Element[] }[][],
  fonts: { regular: Uint8Array; bold: Uint8Array },
  logo: Uint8Array | null,
): string {
  const font = (b: Uint8Array) => `data:font/ttf;base64,${Buffer.from(b).toString('base64')}`;
  const logoUrl = logo ? `data:image/png;base64,${Buffer.from(logo).toString('base64')}` : null;
  const css = `
    @font-face { font-family: Noto; font-weight: 400; src: url(${font(fonts.regular)}); }
    @font-face { font-family: Noto; font-weight: 700; src: url(${font(fonts.bold)}); }
    @page { size: ${sheet.page.w}mm ${sheet.page.h}mm; margin: 0; }
    html, body { margin: 0; }
    .page { position: relative; width: ${sheet.page.w}mm; height: ${sheet.page.h}mm; overflow: hidden; break-after: page; }
    .tag { position: absolute; width: ${sheet.tag.w}mm; height: ${sheet.tag.h}mm; }
    span { position: absolute; font-family: Noto; line-height: ${ASCENT + 0.293}; white-space: pre; }
    .regular { font-weight: 400; } .bold { font-weight: 700; }
    .cut { position: absolute; background: #000; }`;
  const cuts = sheet.cutMarks
    .map((l) =>
      l.x1 === l.x2
        ? `<div class="cut" style="left:${l.x1}mm;top:${Math.min(l.y1, l.y2)}mm;width:0.14mm;height:${Math.abs(l.y2 - l.y1)}mm"></div>`
        : `<div class="cut" style="left:${Math.min(l.x1, l.x2)}mm;top:${l.y1}mm;width:${Math.abs(l.x2 - l.x1)}mm;height:0.14mm"></div>`,
    )
    .join('');
  const body = pages
    .map(
      (tags) =>
        `<div class="page">${cuts}${tags
          .map((t) => {
            const s = sheet.slots[t.slot]!;
            return `<div class="tag" style="left:${s.x}mm;top:${s.y}mm">${t.elements.map((e) => element(e, logoUrl)).join('')}</div>`;
          })
          .join('')}</div>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

/**
 * A plain HTML sheet of the same tags, as an office would make one (issue 21's second reference):
 * each tag a box in the sheet's grid with the name, regency and role bar in ordinary CSS flow,
 * the QR as an SVG of the layout's size beside or under them, the system's sans-serif; no header,
 * no embedded fonts, no positions computed ahead.
 */
export function plainSheetHtml(sheet: Sheet, people: { name: string; regency: string | null; role: string; payload: string }[]): string {
  const per = sheet.slots.length;
  const side = sheet.tag.template === 'side';
  const css = `
    @page { size: ${sheet.page.w}mm ${sheet.page.h}mm; margin: 0; }
    html, body { margin: 0; font-family: sans-serif; }
    .page { position: relative; width: ${sheet.page.w}mm; height: ${sheet.page.h}mm; overflow: hidden; break-after: page; }
    .tag { position: absolute; box-sizing: border-box; padding: 3mm; display: flex; flex-direction: ${side ? 'row' : 'column'}; gap: 2mm; align-items: center; }
    .text { flex: 1; display: flex; flex-direction: column; gap: 1mm; }
    .name { font-weight: 700; font-size: 14pt; } .regency { font-size: 9pt; }
    .role { background: rgb(23,77,171); color: #fff; font-weight: 700; font-size: 9pt; padding: 1mm 2mm; }
    svg { width: ${sheet.tag.qr}mm; height: ${sheet.tag.qr}mm; flex: none; }`;
  let body = '';
  for (let p = 0; p < people.length; p += per) {
    body += '<div class="page">';
    people.slice(p, p + per).forEach((b, k) => {
      const s = sheet.slots[k]!;
      const d = qrRects(b.payload)
        .map((r) => `M${r.x} ${r.y}h${r.w}v${r.h}h-${r.w}z`)
        .join('');
      body +=
        `<div class="tag" style="left:${s.x}mm;top:${s.y}mm;width:${s.w}mm;height:${s.h}mm">` +
        `<div class="text"><div class="name">${esc(b.name)}</div><div class="regency">${esc(b.regency ?? '')}</div>` +
        `<div class="role">${esc(b.role.toUpperCase())}</div></div>` +
        `<svg viewBox="-4 -4 ${QR_MODULES + 8} ${QR_MODULES + 8}" shape-rendering="crispEdges"><path d="${d}"/></svg></div>`;
    });
    body += '</div>';
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}
