import { ASCENT, blockHeight, fitText, HYPHEN, LINE_GAP, type Broken, type Measure } from '../pdf/fit-text';
import { mm, type Rect } from '../pdf/geometry';
import type { TagSpec } from './sheets';
import { QR_QUIET_MODULES, QR_MODULES } from '../qr/qr-modules';

export type Rgb = readonly [number, number, number];
export type FontKey = 'regular' | 'bold' | 'arabic';

/** What is on one tag. Plain data: the caller turns codes into payloads and roles into indexes. */
export interface BadgeData {
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  /** The role's position in the event's role list: picks the band colour. */
  roleIndex: number;
  code: string;
  /** What the QR carries (shared/badge-payload.ts). */
  payload: string;
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline, mm from the tag's top. */
  baseline: number;
  width: number;
  /** The line ends inside a word (a long name cut between letters): the next line goes on with it. */
  cont?: boolean;
  /** A hyphen is drawn at the line's end, inside `width` (a rectangle, so the text layer reads the word whole). */
  hyphen?: boolean;
}

export type Element =
  | {
      kind: 'text';
      part: 'event' | 'name' | 'regency' | 'institution' | 'role' | 'code';
      font: FontKey;
      size: number;
      color: Rgb;
      lines: TextLine[];
      box: Rect;
    }
  | { kind: 'rect'; part: 'band' | 'rule'; rect: Rect; color: Rgb }
  | { kind: 'logo'; rect: Rect }
  /** `rect` is the symbol; `quiet` the symbol with its quiet zone, where nothing else may be. */
  | { kind: 'qr'; rect: Rect; quiet: Rect; payload: string };

/**
 * Role band colours: dark enough that white bold text stays readable when a black-and-white
 * printer turns them into grey (each is below 30 % luminance), and far apart in hue for colour
 * printers. The role's name is printed on the band, so grey prints still say who is who.
 */
export const ROLE_COLOURS: Rgb[] = [
  [0.09, 0.3, 0.67], // Peserta: blue
  [0.7, 0.1, 0.1], // Narasumber: red
  [0.05, 0.45, 0.2], // Panitia: green
  [0.45, 0.15, 0.6], // purple
  [0.6, 0.3, 0.0], // brown
  [0.0, 0.4, 0.45], // teal
  [0.25, 0.25, 0.3], // slate
];
const BLACK: Rgb = [0, 0, 0];
const GREY: Rgb = [0.3, 0.3, 0.3];
const WHITE: Rgb = [1, 1, 1];
const RULE: Rgb = [0.75, 0.75, 0.75];

export interface Fonts {
  regular: Measure;
  bold: Measure;
  /** The fallback for names in Arabic script (core/pdf/arabic-names.ts), when loaded. */
  arabic?: { measure: Measure; draws: (text: string) => boolean };
}

/** Printed under the role, for a desk that must type the code: "K7Q2 M9XA". */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** Lines of a fitted text placed in a box, left-aligned or centred, top-aligned at box.y. */
function place(
  part: Extract<Element, { kind: 'text' }>['part'],
  font: FontKey,
  color: Rgb,
  fitted: { lines: string[]; size: number } & Partial<Broken>,
  measure: Measure,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right' = 'left',
): Extract<Element, { kind: 'text' }> {
  const lines = fitted.lines.map((text, i): TextLine => {
    const hyphen = fitted.hyphen?.[i] === true;
    const w = mm((measure(text) + (hyphen ? HYPHEN.advance : 0)) * fitted.size);
    const lx = align === 'left' ? x : align === 'center' ? x + (width - w) / 2 : x + width - w;
    const line: TextLine = { text, x: lx, baseline: y + mm(fitted.size * (ASCENT + i * LINE_GAP)), width: w };
    if (fitted.cont?.[i]) line.cont = true;
    if (hyphen) line.hyphen = true;
    return line;
  });
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.x + l.width));
  const box = { x: left, y, w: right - left, h: blockHeight(lines.length, fitted.size) };
  return { kind: 'text', part, font, size: fitted.size, color, lines, box };
}

interface Parts {
  els: Element[];
}

/** Logo and event name across `width` mm at (x, y); returns the height used. */
function header(
  p: Parts,
  fonts: Fonts,
  eventName: string,
  logoAspect: number | null,
  x: number,
  y: number,
  width: number,
  h: number,
) {
  let textX = x;
  if (logoAspect) {
    const lw = Math.min(h * logoAspect, width * 0.3);
    const lh = lw / logoAspect;
    p.els.push({ kind: 'logo', rect: { x, y: y + (h - lh) / 2, w: lw, h: lh } });
    textX = x + lw + 2;
  }
  const tw = x + width - textX;
  const f = fitText(eventName, { width: tw, height: h, maxSize: h * 0.75, minSize: 4, maxLines: 3, measure: fonts.bold });
  const ty = y + (h - f.height) / 2;
  p.els.push(place('event', 'bold', GREY, f, fonts.bold, textX, ty, tw, logoAspect ? 'left' : 'center'));
  p.els.push({ kind: 'rect', part: 'rule', rect: { x, y: y + h + 1, w: width, h: 0.25 }, color: RULE });
}

/** The floors a desk reads at arm's length: the role on its band, the name (10 pt where the box allows it, never under 8). */
export const ROLE_MIN = 7;
export const NAME_MIN = 10;

/**
 * The role band with the role's name and the typed-code fallback; returns the band's rectangle.
 * The role goes on one line beside the code; a long one ("Tamu Kehormatan Undangan Khusus",
 * 5 pt on one line before) on two lines beside it; and where that is still under ROLE_MIN and
 * the band may `grow` (the side cards, whose QR does not stand on the band), the band grows
 * upwards: the role on up to two lines across its whole width, the code on a line under it.
 */
function band(p: Parts, fonts: Fonts, b: BadgeData, r: Rect, codeSize: number, grow: boolean): Rect {
  const color = ROLE_COLOURS[b.roleIndex % ROLE_COLOURS.length]!;
  const role = b.role.toUpperCase();
  const pad = Math.min(2.5, r.h * 0.3);
  const code = spacedCode(b.code);
  const codeW = mm(fonts.regular(code) * codeSize);
  const codeH = blockHeight(1, codeSize);
  const roleW = r.w - 2 * pad - codeW - 2;
  const roleFit = (width: number, height: number, maxSize: number, maxLines: number) =>
    fitText(role, { width, height, maxSize, minSize: ROLE_MIN, maxLines, measure: fonts.bold, breakWords: maxLines > 1 });
  let f = roleFit(roleW, r.h - 2 * pad * 0.6, r.h * 1.6, 1);
  if (!f.fits) {
    // Two lines beside the code, the band's height less half a millimetre at top and bottom.
    const two = roleFit(roleW, r.h - 1, r.h * 1.6, 2);
    if (two.size > f.size) f = two;
  }
  if (!f.fits && grow) {
    const vpad = 1;
    const gap = 0.6;
    const wide = roleFit(r.w - 2 * pad, blockHeight(2, 10), 10, 2);
    if (wide.size > f.size) {
      const h = vpad + wide.height + gap + codeH + vpad;
      const g = { x: r.x, y: r.y + r.h - h, w: r.w, h };
      p.els.push({ kind: 'rect', part: 'band', rect: g, color });
      p.els.push(place('role', 'bold', WHITE, wide, fonts.bold, g.x + pad, g.y + vpad, g.w - 2 * pad));
      const codeY = g.y + vpad + wide.height + gap;
      p.els.push(
        place('code', 'regular', WHITE, { lines: [code], size: codeSize }, fonts.regular, g.x + g.w - pad - codeW, codeY, codeW),
      );
      return g;
    }
  }
  p.els.push({ kind: 'rect', part: 'band', rect: r, color });
  const codeY = r.y + (r.h - codeH) / 2;
  p.els.push(
    place('code', 'regular', WHITE, { lines: [code], size: codeSize }, fonts.regular, r.x + r.w - pad - codeW, codeY, codeW),
  );
  p.els.push(place('role', 'bold', WHITE, f, fonts.bold, r.x + pad, r.y + (r.h - f.height) / 2, roleW));
  return r;
}

/**
 * Name, regency and institution stacked in `r`, centred vertically. The name is as large as
 * fits on up to five lines, and never smaller than the lines under it: a long name takes more
 * lines before it shrinks (the fixture's 60-character name: 12 pt on four lines beside the A4
 * cards' QR, where two lines gave 7 pt under a 9 pt regency), and when it must still shrink the
 * regency and institution shrink with it. The
 * regency always shows; the institution only when it fits at a readable size.
 */
function texts(p: Parts, fonts: Fonts, b: BadgeData, r: Rect, spec: TagSpec, align: 'left' | 'center') {
  const gap = 1.2;
  // A name in Arabic script is set in the Arabic fallback, shaped right to left by fontkit.
  const nameKey: FontKey = fonts.arabic?.draws(b.name) ? 'arabic' : 'bold';
  const nameMeasure = nameKey === 'arabic' ? fonts.arabic!.measure : fonts.bold;
  // The regency on one line, as large as its width allows up to `size`: the name's box keeps
  // room for the size it really prints at (a long regency in the A4 cards' column prints under
  // its cap, and that room is the name's; the 61-letter name reaches 10 pt on A4-10 with it).
  const regFit = (size: number) =>
    b.regency
      ? fitText(b.regency, {
          width: r.w,
          height: blockHeight(1, size),
          maxSize: size,
          minSize: 4,
          maxLines: 1,
          measure: fonts.regular,
        })
      : null;
  const fitName = (reg: ReturnType<typeof regFit>) =>
    fitText(b.name, {
      width: r.w,
      height: r.h - (reg ? reg.height + gap : 0),
      maxSize: spec.nameMax,
      minSize: NAME_MIN,
      // Up to five lines: fitText takes another line only when it buys a clearly larger size.
      maxLines: 5,
      measure: nameMeasure,
      // A word too wide for the tag at NAME_MIN is cut between letters; a shaped Arabic run never.
      breakWords: nameKey !== 'arabic',
    });
  let reg = regFit(spec.nameMax * 0.5);
  let name = fitName(reg);
  if (reg && name.size < reg.size) {
    // The regency at the name's size leaves the name more room: fit it again (it only grows).
    reg = regFit(name.size);
    name = fitName(reg);
    if (name.size < reg!.size) reg = regFit(name.size);
  }
  let used = name.height + (reg ? gap + reg.height : 0);
  let inst: ReturnType<typeof fitText> | null = null;
  if (b.institution) {
    const room = r.h - used - gap;
    const instSize = Math.min(spec.nameMax * 0.42, name.size);
    const f = fitText(b.institution, {
      width: r.w,
      height: Math.min(room, blockHeight(2, instSize)),
      maxSize: instSize,
      minSize: 5,
      maxLines: 2,
      measure: fonts.regular,
    });
    if (room > 0 && f.fits) {
      inst = f;
      used += gap + f.height;
    }
  }
  let y = r.y + Math.max(0, (r.h - used) / 2);
  const nameEl = place('name', nameKey, BLACK, name, nameMeasure, r.x, y, r.w, align);
  p.els.push(nameEl);
  y += name.height + gap;
  if (reg) {
    p.els.push(place('regency', 'regular', BLACK, reg, fonts.regular, r.x, y, r.w, align));
    y += reg.height + gap;
  }
  if (inst) p.els.push(place('institution', 'regular', GREY, inst, fonts.regular, r.x, y, r.w, align));
}

function qr(p: Parts, b: BadgeData, x: number, y: number, side: number, modules: number): Rect {
  const q = (side / QR_MODULES) * modules;
  const rect = { x, y, w: side, h: side };
  const quiet = { x: x - q, y: y - q, w: side + 2 * q, h: side + 2 * q };
  p.els.push({ kind: 'qr', rect, quiet, payload: b.payload });
  return quiet;
}

/**
 * Everything on one tag, in mm from the tag's top-left corner. Pure: the same call feeds the
 * PDF and the geometry tests (nothing outside the tag's margin, nothing in the QR's quiet zone).
 */
export function layoutTag(spec: TagSpec, fonts: Fonts, eventName: string, logoAspect: number | null, b: BadgeData): Element[] {
  const p: Parts = { els: [] };
  const m = spec.margin;
  const quietModules = spec.quiet ?? QR_QUIET_MODULES;
  const quietW = (spec.qr / QR_MODULES) * quietModules;
  if (spec.template === 'side') {
    // QR on the right, centred in height, its quiet zone inside the card; text in the column left of it.
    // A tall card has room for the header across its whole width, above the QR's quiet zone;
    // a short one keeps it in the text column and centres the QR.
    const qx = spec.w - quietW - spec.qr;
    const headH = 9;
    const wide = spec.h - spec.qr - 2 * quietW >= m + headH + 1.5;
    qr(p, b, qx, wide ? spec.h - quietW - spec.qr : (spec.h - spec.qr) / 2, spec.qr, quietModules);
    const colW = qx - quietW - m;
    header(p, fonts, eventName, logoAspect, m, m, wide ? spec.w - 2 * m : colW, headH);
    const bandH = 7;
    const bandY = spec.h - m - bandH;
    const bandR = band(p, fonts, b, { x: m, y: bandY, w: colW, h: bandH }, 6.5, true);
    const top = m + headH + 2.5;
    texts(p, fonts, b, { x: m, y: top, w: colW, h: bandR.y - 1.5 - top }, spec, 'left');
  } else {
    const w = spec.w - 2 * m;
    const headH = spec.w >= 90 ? 14 : 9;
    header(p, fonts, eventName, logoAspect, m, m, w, headH);
    const bandH = spec.w >= 90 ? 12 : 8;
    const bandY = spec.h - m - bandH;
    // The QR stands on the band (its place is fixed, issue 21 item 2): this band never grows.
    band(p, fonts, b, { x: m, y: bandY, w, h: bandH }, spec.w >= 90 ? 9 : 6.5, false);
    const quiet = qr(p, b, (spec.w - spec.qr) / 2, bandY - 1 - quietW - spec.qr, spec.qr, quietModules);
    const top = m + headH + 2.5;
    texts(p, fonts, b, { x: m, y: top, w, h: quiet.y - top }, spec, 'center');
  }
  return p.els;
}
