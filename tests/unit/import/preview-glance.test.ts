// Issue 21 item 3 (fifth pass): a preview into an event with no one in it reads the file in the
// job's worker and sends the desks' thread no rows (ImportGlance): nothing stored can match, so the
// walk there only counted. It must show exactly what the walk shows, and the bundled fonts must
// draw every printable ASCII character, which both paths now take for granted.
import { describe, expect, it } from 'vitest';
import { nameCoverage } from '../../../electron/core/pdf/cmap-coverage';
import { readImportKind, type ImportPart } from '../../../electron/core/participants/import/read-import-kind';
import { ok, PSM_EVENT, RESOURCES, scope, tempCtx } from '../../helpers/ctx';

const csv = [
  'Nama,Kabupaten/Kota,NIK,Peran',
  'Siti Aminah,Kota Metro,1871000000000001,Peserta',
  'Ahmad محمد,Lampung Selatan,1871000000000002,Peserta',
  'Đorđe Petrović,Pesawaran,1871000000000003,Peserta',
  'Nguyễn Thị Ánh,Pringsewu,1871000000000004,Peserta',
  '王小明 ㄅㄆ,Tanggamus,1871000000000005,Peserta',
  ',Tanggamus,1871000000000006,Peserta',
  'Budi Santoso,Way Kanan,12,Tamu',
  ...Array.from({ length: 30 }, (_, i) => `Peserta Nomor ${i},Mesuji,${1871000000001000 + i},Peserta`),
].join('\n');
const bytes = () => new Uint8Array(Buffer.from(csv));

async function preview(withSomeone: boolean) {
  const ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
  if (withSomeone) {
    // Someone stored who matches no row, deleted: the walk runs, and can match nothing either.
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Orang Lain', role: 'Peserta' } as never);
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: p.id });
  }
  const out = await ok(ctx, 'participants.importPreview', { fileName: 'peserta.csv', bytes: bytes() });
  ctx.db.close();
  return out;
}

describe('a preview into an empty event', () => {
  it('shows what the walk over the rows shows: counts, sample, problems, undrawable names', async () => {
    const glanced = await preview(false);
    const walked = await preview(true);
    expect(glanced).toEqual(walked);
    expect(glanced.wouldInsert).toBe(glanced.validRows);
    expect(glanced.sample).toHaveLength(10);
    const undrawable = glanced.warnings.find((w) => w.code === 'undrawable_names');
    expect(undrawable?.examples.map((e) => e.split(':')[0])).toEqual(['3', '6']);
    expect(glanced.problems.map((p) => p.line)).toEqual(expect.arrayContaining([7, 8]));
  }, 120_000);

  it('the worker sends the head, then the summary with its glance, and no rows', async () => {
    const parts: ImportPart[] = [];
    const io = { progress() {}, part: async (p: unknown) => void parts.push(p as ImportPart) };
    const input = { bytes: bytes(), fileName: 'peserta.csv', roles: ['Peserta', 'Tamu'] };
    await readImportKind({ ...input, glanceOnly: true }, io);
    expect(parts.map((p) => Object.keys(p)[0])).toEqual(['head', 'summary']);
    const last = parts[1]!;
    if (!('summary' in last)) throw new Error('the last part is the summary');
    expect(last.summary.glance!.firstRows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(last.summary.glance!.unusualNames.map((n) => n.line)).toEqual([3, 4, 5, 6]);
    // Without it, every row comes between the head and the summary.
    parts.length = 0;
    await readImportKind(input, io);
    expect(parts.slice(1, -1).flatMap((p) => ('rows' in p ? p.rows : [])).length).toBe(last.summary.rowCount);
    expect(Object.keys(parts.at(-1)!)).toEqual(['summary']);
  });

  it('the bundled name fonts draw every printable ASCII character', () => {
    const ascii = String.fromCharCode(...Array.from({ length: 0x5f }, (_, i) => 0x20 + i));
    expect(nameCoverage(RESOURCES).missing(ascii)).toEqual([]);
  });
});
