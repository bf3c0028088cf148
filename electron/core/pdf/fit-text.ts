import { mm } from './geometry';

/** Width of a text in ems (at size 1), as the PDF font will draw it. */
export type Measure = (text: string) => number;

/** Vertical metrics of the embedded font, in ems (Noto Sans: hhea ascent 1.069, descent 0.293). */
export const ASCENT = 1.069;
export const DESCENT = 0.293;
/** Baseline to baseline, in ems: tight for a name on two lines, still clear of accents. */
export const LINE_GAP = 1.12;

export interface Fitted {
  lines: string[];
  /** Font size in points. */
  size: number;
  /** Widest line, in mm. */
  width: number;
  /** From the top of the first line's ascent to the bottom of the last line's descent, in mm. */
  height: number;
}

/** Height in mm of `n` lines at `size` pt. */
export const blockHeight = (n: number, size: number) => mm(size * (ASCENT + DESCENT + (n - 1) * LINE_GAP));

/**
 * The split of `words` into `n` lines whose widest line is narrowest (a balanced break reads
 * better on a tag than a greedy one: "Raden Ajeng Siti Nurhasanah / Kusumawardhani, S.Sos., M.Kesos."
 * rather than one full line and a stub). Words are few, so trying every split is cheap.
 */
function bestSplit(words: string[], n: number, measure: Measure): { lines: string[]; widest: number } | null {
  if (words.length < n) return null;
  if (n === 1) {
    const line = words.join(' ');
    return { lines: [line], widest: measure(line) };
  }
  let best: { lines: string[]; widest: number } | null = null;
  for (let k = 1; k <= words.length - n + 1; k++) {
    const head = words.slice(0, k).join(' ');
    const w = measure(head);
    if (best && w >= best.widest) break; // the first line only grows from here
    const rest = bestSplit(words.slice(k), n - 1, measure);
    if (!rest) continue;
    const widest = Math.max(w, rest.widest);
    if (!best || widest < best.widest) best = { lines: [head, ...rest.lines], widest };
  }
  return best;
}

/**
 * On two lines, break after the name and before the degrees ("Fajar Nugroho, / S.Ag.", not
 * "Fajar / Nugroho, S.Ag.") when that costs at most a quarter more width.
 */
function preferComma(words: string[], best: ReturnType<typeof bestSplit>, measure: Measure) {
  const k = words.findIndex((w) => w.endsWith(','));
  if (!best || k < 0 || k === words.length - 1) return best;
  const lines = [words.slice(0, k + 1).join(' '), words.slice(k + 1).join(' ')];
  const widest = Math.max(measure(lines[0]!), measure(lines[1]!));
  return widest <= best.widest * 1.25 ? { lines, widest } : best;
}

export interface FitOptions {
  /** The box, in mm. */
  width: number;
  height: number;
  /** Sizes in points. */
  maxSize: number;
  minSize: number;
  maxLines: number;
  measure: Measure;
  /** A word too wide for a line at `minSize` may be cut between its letters (never for a shaped Arabic run). */
  breakWords?: boolean;
}

/** A line of a fitted text that ends inside a word: the next line goes on with the same word. */
export interface Broken {
  /** Per line: it ends inside a word. */
  cont: boolean[];
  /** Per line: a hyphen is drawn after it (a break between two letters, not after "." "@" "-" "_" "/"). */
  hyphen: boolean[];
}

/**
 * A hyphen's place in ems, as Noto Sans Bold draws "-" (advance 0.322, the bar from 0.03 to 0.292
 * across and 0.207 to 0.329 above the baseline). The badge PDF draws it as a filled rectangle,
 * not as a glyph, so the text layer (search, copy, pdftotext) still reads the name unbroken.
 */
export const HYPHEN = { advance: 0.322, x0: 0.03, x1: 0.292, y0: 0.207, y1: 0.329 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** After these a break needs no hyphen: an e-mail address or a compound already says where it parts. */
const SOFT_END = /[.@\-_/]$/;

/**
 * Greedy lines of at most `maxW` ems. Breaks at spaces; only a word wider than a line is cut,
 * between graphemes (a mark stays on its letter, as the reports' breakWord does), at a "." "@"
 * "-" "_" or "/" when one lies in the last third of the piece, else between letters with room
 * kept for a hyphen.
 */
function wrapBroken(words: Prepared[], maxW: number, space: number): { lines: string[] } & Broken {
  const lines: string[] = [];
  const cont: boolean[] = [];
  const hyphen: boolean[] = [];
  let cur = '';
  let curW = 0;
  const push = (text: string, c: boolean) => {
    lines.push(text);
    cont.push(c);
    hyphen.push(c && !SOFT_END.test(text));
  };
  for (const word of words) {
    if (cur && curW + space + word.w <= maxW) {
      cur = `${cur} ${word.text}`;
      curW += space + word.w;
      continue;
    }
    if (word.w <= maxW) {
      if (cur) push(cur, false);
      cur = word.text;
      curW = word.w;
      continue;
    }
    // Too wide for any line: pieces that fit, the widths summed grapheme by grapheme (the final
    // size is checked against the real width of each whole line, fitBroken below). The first
    // piece ends the current line when at least five letters go there; else it starts a new one.
    const { gs, gw } = word;
    const pieceEnd = (from: number, room: number) => {
      let w = 0;
      let end = from;
      // Room for the hyphen while more of the word follows.
      while (end < gs.length && w + gw[end]! + (end + 1 < gs.length ? HYPHEN.advance : 0) <= room) w += gw[end++]!;
      if (end < gs.length)
        for (let k = end; k > from + Math.ceil((end - from) * 0.66); k--) if (SOFT_END.test(gs[k - 1]!)) return k;
      return end;
    };
    let start = 0;
    if (cur) {
      const end = pieceEnd(0, maxW - curW - space);
      if (end >= 5) {
        push(`${cur} ${gs.slice(0, end).join('')}`, true);
        start = end;
      } else push(cur, false);
      cur = '';
    }
    while (start < gs.length) {
      // One grapheme wider than the line still goes on it: the size shrinks to it.
      const end = Math.max(start + 1, pieceEnd(start, maxW));
      const piece = gs.slice(start, end).join('');
      curW = 0;
      for (let k = start; k < end; k++) curW += gw[k]!;
      start = end;
      if (start < gs.length) push(piece, true);
      else cur = piece;
    }
  }
  if (cur || !lines.length) push(cur, false);
  return { lines, cont, hyphen };
}

/** A word measured once for the many wraps of fitBroken: its width, graphemes and their widths (ems). */
interface Prepared {
  text: string;
  w: number;
  gs: string[];
  gw: number[];
}

/**
 * The largest size at which the words, broken inside a word where one is too wide, fill at most
 * `maxLines` lines of the box; the lines then balanced (the narrowest measure that still gives as
 * many lines). Runs only for a text whose words alone fit below the floor: a 61-letter name, an
 * e-mail address pasted as a name, a long role.
 */
function fitBroken(text: string[], o: FitOptions): (Fitted & Broken) | null {
  const space = o.measure(' ');
  const words = text.map((t): Prepared => {
    const gs = Array.from(segmenter.segment(t), (x) => x.segment);
    return { text: t, w: o.measure(t), gs, gw: gs.map((g) => o.measure(g)) };
  });
  const wrapAt = (size: number) => wrapBroken(words, o.width / mm(size), space);
  const ok = (size: number) => {
    const n = wrapAt(size).lines.length;
    return n <= o.maxLines && blockHeight(n, size) <= o.height;
  };
  let lo = 0;
  let hi = o.maxSize;
  if (ok(hi)) lo = hi;
  else for (let i = 0; i < 18; i++) ok((lo + hi) / 2) ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2);
  if (lo <= 0) return null;
  let wrapped = wrapAt(lo);
  // Balance: the narrowest measure that keeps the number of lines.
  const n = wrapped.lines.length;
  let a = 0;
  let b = o.width / mm(lo);
  for (let i = 0; i < 14; i++) {
    const m = (a + b) / 2;
    if (wrapBroken(words, m, space).lines.length <= n) b = m;
    else a = m;
  }
  wrapped = wrapBroken(words, b, space);
  const widths = wrapped.lines.map((l, i) => o.measure(l) + (wrapped.hyphen[i] ? HYPHEN.advance : 0));
  const widest = Math.max(...widths);
  const size = Math.min(lo, widest > 0 ? o.width / mm(widest) : lo);
  return { ...wrapped, size, width: mm(widest * size), height: blockHeight(wrapped.lines.length, size) };
}

/** The lines of a fitted text as one text again: a line that ends inside a word joins the next without a space. */
export const joinLines = (lines: { text: string; cont?: boolean }[]) =>
  lines.map((l, i) => l.text + (i === lines.length - 1 ? '' : l.cont ? '' : ' ')).join('');

/**
 * The largest size (up to `maxSize` pt) at which `text` fits a box of `width` x `height` mm on at
 * most `maxLines` lines. It never clips: a text that fits only below `minSize` still gets the size
 * at which it fits, and `fits` says whether that is at least `minSize` (callers drop optional lines).
 * With `breakWords`, a word wider than the box at `minSize` is cut (fitBroken) when that reads larger.
 */
export function fitText(text: string, o: FitOptions): Fitted & Partial<Broken> & { fits: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let best: (Fitted & Partial<Broken>) | null = null;
  for (let n = 1; n <= o.maxLines; n++) {
    const split = n === 2 ? preferComma(words, bestSplit(words, 2, o.measure), o.measure) : bestSplit(words, n, o.measure);
    if (!split) break;
    const byWidth = split.widest > 0 ? o.width / mm(split.widest) : Infinity;
    const byHeight = o.height / blockHeight(n, 1);
    const size = Math.min(o.maxSize, byWidth, byHeight);
    // More lines only when they buy a clearly larger size.
    if (!best || size > best.size * 1.04) {
      best = { lines: split.lines, size, width: mm(split.widest * size), height: blockHeight(n, size) };
    }
  }
  best ??= { lines: [''], size: o.maxSize, width: 0, height: blockHeight(1, o.maxSize) };
  // Inside a word only when a single word is too wide for a line at the floor (a 61-letter name
  // printed at 4 pt on one line before): spaces first, always.
  if (o.breakWords && best.size < o.minSize && words.some((w) => mm(o.measure(w) * o.minSize) > o.width)) {
    const broken = fitBroken(words, o);
    if (broken && broken.size > best.size * 1.04) best = broken;
  }
  // Round down to 0.1 pt, so the drawn text never exceeds the box through rounding.
  const size = Math.floor(best.size * 10) / 10;
  const scale = size / best.size;
  return { ...best, size, width: best.width * scale, height: best.height * scale, fits: size >= o.minSize };
}
