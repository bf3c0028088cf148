// Pure text layout: wrapping a paragraph (with bold runs) into a box, and fitting a name.
// Widths come from a `measure` callback (the font's advance widths at size 1), so these
// functions are tested without a PDF.

export interface Run {
  text: string;
  bold: boolean;
}
export type Measure = (text: string, bold: boolean) => number;

export interface Line {
  runs: Run[];
  /** Width at size 1. */
  width: number;
}

/** Splits "…{event}…" into runs, the placeholders in bold, after filling them in. */
export function fillWording(wording: string, values: Record<string, string>, boldKeys: readonly string[]): Run[] {
  const runs: Run[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(wording); m; m = re.exec(wording)) {
    if (m.index > last) runs.push({ text: wording.slice(last, m.index), bold: false });
    const key = m[1]!;
    runs.push({ text: key in values ? values[key]! : m[0], bold: boldKeys.includes(key) });
    last = m.index + m[0].length;
  }
  if (last < wording.length) runs.push({ text: wording.slice(last), bold: false });
  const merged: Run[] = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (!r.text) continue;
    if (prev && prev.bold === r.bold) prev.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}

/** Greedy word wrap at `maxWidth` (size-1 units); a word longer than a line stands alone. */
export function wrapRuns(runs: Run[], maxWidth: number, measure: Measure): Line[] {
  // Words carry their run's weight; a space belongs to the word before it.
  const words: Run[] = [];
  for (const r of runs) {
    for (const piece of r.text.split(/(\s+)/)) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        const prev = words[words.length - 1];
        if (prev) prev.text += ' ';
        continue;
      }
      words.push({ text: piece, bold: r.bold });
    }
  }
  const lines: Line[] = [];
  let cur: Run[] = [];
  let width = 0;
  const trimmedWidth = (rs: Run[]) =>
    rs.reduce((w, r, i) => w + measure(i === rs.length - 1 ? r.text.trimEnd() : r.text, r.bold), 0);
  for (const w of words) {
    const ww = measure(w.text.trimEnd(), w.bold);
    if (cur.length && width + ww > maxWidth) {
      lines.push(finish(cur, trimmedWidth));
      cur = [];
      width = 0;
    }
    cur.push({ ...w });
    width += measure(w.text, w.bold);
  }
  if (cur.length) lines.push(finish(cur, trimmedWidth));
  return lines;
}

function finish(words: Run[], trimmedWidth: (rs: Run[]) => number): Line {
  const last = words[words.length - 1]!;
  last.text = last.text.trimEnd();
  // Merge neighbouring words of the same weight into one run: fewer text operators.
  const runs: Run[] = [];
  for (const w of words) {
    const prev = runs[runs.length - 1];
    if (prev && prev.bold === w.bold) prev.text += w.text;
    else runs.push({ ...w });
  }
  return { runs, width: trimmedWidth(words) };
}

/** The largest size (≤ max) at which the wrapped paragraph fits the box; never below `min`. */
export function fitParagraph(
  runs: Run[],
  box: { w: number; h: number },
  maxSize: number,
  measure: Measure,
  lineGap = 1.3,
  min = 6,
): { size: number; lines: Line[] } {
  for (let size = maxSize; ; size = Math.max(min, size - 0.5)) {
    const lines = wrapRuns(runs, box.w / size, measure);
    if (lines.length * size * lineGap <= box.h || size <= min) return { size, lines };
  }
}

export interface NameFit {
  size: number;
  lines: string[];
}

/**
 * A name in its box: at the template's size if it fits; else shrunk, down to 72 % of that size;
 * beyond that on two lines if that reads clearly larger (15 %) than one line shrunk further,
 * broken at the space that balances the two lines best. Long Indonesian names with titles
 * ("Raden Ajeng … , S.Sos., M.Kesos.", 60 characters) must still fit, and never leave the box.
 */
export function fitName(name: string, box: { w: number; h: number }, maxSize: number, measure: (s: string) => number): NameFit {
  const lineGap = 1.15;
  const one = measure(name);
  const oneSize = Math.min(maxSize, box.w / one, box.h / lineGap);
  if (oneSize >= maxSize * 0.72 || !name.includes(' ')) return { size: oneSize, lines: [name] };
  let best: (NameFit & { imbalance: number }) | null = null;
  for (const m of name.matchAll(/ /g)) {
    const a = name.slice(0, m.index).trim();
    const b = name.slice(m.index + 1).trim();
    const wa = measure(a);
    const wb = measure(b);
    const size = Math.min(maxSize, box.w / Math.max(wa, wb), box.h / (2 * lineGap));
    const imbalance = Math.abs(wa - wb);
    // Sizes within half a point look the same: then the more even pair of lines wins.
    if (!best || size > best.size + 0.5 || (size > best.size - 0.5 && imbalance < best.imbalance)) {
      best = { size, lines: [a, b], imbalance };
    }
  }
  return best && best.size >= oneSize * 1.15 ? { size: best.size, lines: best.lines } : { size: oneSize, lines: [name] };
}
