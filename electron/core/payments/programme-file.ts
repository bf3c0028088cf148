// The programme from a file (issue 20, item 4: sessions importable): one session a line,
// `material;jp;speaker;moderator`, the last two optional, several names in one cell separated by
// ";" only inside quotes, so a `,` separated file works too when Excel quoted the names. An
// optional header line. Parsed in full before anything changes; a bad line is refused in one
// worded line (id / en), nothing half-read.
import { HadirError } from '../../shared/errors';
import { programmeItem, type ProgrammeItem } from '../../shared/event';
import { decodeText } from '../participants/import/decode-text';
import { detectDelimiter, parseCsv } from '../participants/import/parse-csv';

const refuse = (line: number, id: string, en: string): never => {
  const detail = `baris ${line}: ${id} / line ${line}: ${en}`;
  throw new HadirError('invalid_input', `Programme file ${detail}`, { detail });
};

/** At most 40 sessions, as the event form (shared/event.ts). */
const MAX_SESSIONS = 40;

export function parseProgrammeFile(bytes: Uint8Array): ProgrammeItem[] {
  const { text } = decodeText(bytes);
  const records = parseCsv(text, detectDelimiter(text) ?? ';');
  const items: ProgrammeItem[] = [];
  for (const r of records) {
    const cells: string[] = [];
    r.cols.forEach((c, k) => (cells[c] = r.values[k]!.trim()));
    const cell = (i: number) => cells[i] ?? '';
    if (cells.every((c) => !c)) continue;
    if (items.length === 0 && /^(materi|material)$/i.test(cell(0)) && !/^\d+$/.test(cell(1))) continue; // the header
    if (cells.length > 4) refuse(r.row, 'paling banyak 4 kolom: materi;jp;narasumber;moderator', 'at most 4 columns: material;jp;speaker;moderator');
    if (!/^\d{1,3}$/.test(cell(1))) refuse(r.row, `JP "${cell(1)}" harus bilangan bulat 0–999`, `JP "${cell(1)}" must be a whole number 0-999`);
    const parsed = programmeItem.safeParse({ material: cell(0), jp: Number(cell(1)), speaker: cell(2), moderator: cell(3) });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const [id, en] =
        field === 'material' ? ['materi kosong atau terlalu panjang', 'material empty or too long'] : ['nama terlalu panjang atau berisi karakter kendali', 'a name too long or with control characters'];
      refuse(r.row, id, en);
    }
    items.push(parsed.data!);
    if (items.length > MAX_SESSIONS) refuse(r.row, `lebih dari ${MAX_SESSIONS} sesi`, `more than ${MAX_SESSIONS} sessions`);
  }
  if (items.length === 0) refuse(1, 'berkas susunan acara kosong', 'the programme file is empty');
  return items;
}
