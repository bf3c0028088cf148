import type { Field } from '../../../shared/participant';
import type { ImportProblem, ProblemRowValue } from '../../../shared/import';
import { maskDigits, maskEmail } from '../mask';
import type { Table } from './read-table';

/** Values of the row shown beside a problem: enough to find the person (No, gender, regency, phone). */
export const MAX_ROW_VALUES = 8;
/** Characters of each such value: the line must fit beside the problem. */
export const MAX_ROW_VALUE_CHARS = 40;

/**
 * The rest of each listed problem's row, as the file has it: a name refused as "=HYPERLINK(…)"
 * says nothing about whom it was, while the row's No, regency and phone let the organiser find
 * the person in the office's spreadsheet. Personal fields are masked as everywhere (mask.ts).
 * Only the listed problems (a few hundred at most) get it, in the worker, before copying.
 */
export function withRowContext(problems: ImportProblem[], table: Table, mapping: (Field | null)[]): ImportProblem[] {
  const rowOfLine = new Map<number, number>();
  table.lines.forEach((line, i) => rowOfLine.set(line, i));
  return problems.map((p) => {
    const i = rowOfLine.get(p.line);
    const cells = i === undefined ? undefined : table.rows[i];
    if (!cells) return p;
    const row: ProblemRowValue[] = [];
    for (let col = 0; col < table.headers.length && row.length < MAX_ROW_VALUES; col++) {
      const column = table.headers[col] ?? '';
      const text = String(cells[col] ?? '')
        .replace(/\s+/g, ' ')
        .trim();
      if (text === '' || column === p.column) continue;
      row.push({ column, value: shorten(mask(mapping[col] ?? null, text)) });
    }
    return { ...p, row };
  });
}

function mask(field: Field | null, text: string): string {
  if (field === 'nik' || field === 'phone') return maskDigits(text) ?? '';
  if (field === 'email') return maskEmail(text) ?? '';
  return text;
}

const shorten = (v: string) => (v.length > MAX_ROW_VALUE_CHARS ? `${v.slice(0, MAX_ROW_VALUE_CHARS - 1)}…` : v);
