// The identity block of the standard's certificate (issue 20, item 7), laid out without a PDF:
// "Nama : …", "NIP : …", "Tempat/Tgl Lahir : …", "Pangkat/Gol : …", "Jabatan : …",
// "Instansi : …" (a row only when the person has the value), then the JP total and the result
// line across the whole width. Values wrap under themselves, never cut; the whole block shrinks
// (down to 7 pt) until it fits its box, as a long name does in its own box.
import type { CertTemplate } from '../../../shared/certificates';
import type { CertData } from './types';

export interface IdentityLine {
  /** The row's label on its first line; null on a value's continuation and on the free lines. */
  label: string | null;
  text: string;
  bold: boolean;
  /** A value's second and later lines. */
  continued?: boolean;
  /** The JP and result lines: from the block's left edge, no label. */
  free?: boolean;
  /** From the box's top, in the same units as the box (points). */
  top: number;
}

export interface IdentityBlock {
  size: number;
  labelW: number;
  valueX: number;
  lines: IdentityLine[];
}

const LINE = 1.3;

/** The rows this person has, in the standard's order. */
export function identityRows(c: Pick<CertData, 'name' | 'identity'>): [string, string][] {
  const i = c.identity ?? {};
  const rows: [string, string | null | undefined][] = [
    ['Nama', c.name],
    ['NIP', i.nip],
    ['Tempat/Tgl Lahir', i.birth],
    ['Pangkat/Gol', i.rank],
    ['Jabatan', i.position],
    ['Instansi', i.institution],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]?.trim())).map(([l, v]) => [l, v.trim()]);
}

/** Greedy wrap at `max` (size-1 units); a word wider than a line is broken between characters. */
function wrap(text: string, max: number, width: (t: string) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (width(next) <= max) {
      cur = next;
      continue;
    }
    if (cur) lines.push(cur);
    cur = '';
    let piece = '';
    for (const ch of Array.from(word)) {
      if (piece && width(piece + ch) > max) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    cur = piece;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

export function identityLines(
  c: Pick<CertData, 'name' | 'identity'>,
  id: NonNullable<CertTemplate['identity']>,
  jp: number,
  boxW: number,
  maxSize: number,
  boxH: number,
  width: (t: string, bold: boolean) => number,
): IdentityBlock {
  const rows = identityRows(c);
  const free = [c.identity?.attendance ?? '', jp > 0 && id.jpLine ? id.jpLine.replace(/\{jp\}/g, String(jp)) : '', id.result].filter((s) => s.trim());
  let layout: IdentityBlock | null = null;
  for (let size = maxSize; size >= 7; size -= 0.5) {
    const labelW = Math.max(...rows.map(([l]) => width(l, false))) * size + size * 0.6;
    const valueX = labelW + width(': ', false) * size;
    const valueW = (boxW - valueX) / size;
    const lines: IdentityLine[] = [];
    let top = 0;
    for (const [label, value] of rows) {
      const bold = label === 'Nama';
      wrap(value, valueW, (t) => width(t, bold)).forEach((text, k) => {
        lines.push({ label: k === 0 ? label : null, text, bold, continued: k > 0, top });
        top += size * LINE;
      });
    }
    if (free.length) top += size * 0.5;
    for (const f of free) {
      for (const text of wrap(f, boxW / size, (t) => width(t, false))) {
        lines.push({ label: null, text, bold: false, free: true, top });
        top += size * LINE;
      }
    }
    layout = { size, labelW, valueX, lines };
    if (top <= boxH) break;
  }
  return layout!;
}
