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

/**
 * The largest size (up to `maxSize` pt) at which `text` fits a box of `width` x `height` mm on at
 * most `maxLines` lines. It never clips: a text that fits only below `minSize` still gets the size
 * at which it fits, and `fits` says whether that is at least `minSize` (callers drop optional lines).
 */
export function fitText(
  text: string,
  o: { width: number; height: number; maxSize: number; minSize: number; maxLines: number; measure: Measure },
): Fitted & { fits: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let best: Fitted | null = null;
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
  // Round down to 0.1 pt, so the drawn text never exceeds the box through rounding.
  const size = Math.floor(best.size * 10) / 10;
  const scale = size / best.size;
  return { ...best, size, width: best.width * scale, height: best.height * scale, fits: size >= o.minSize };
}
