// Issue 16, "Also" 1: the office's Windows-1252 file with one name cell holding =HYPERLINK(…).
// The report names the row's other values so the organiser can find the person, and the
// organiser can let that row in with the formula kept as inert text, still all-or-nothing.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { ok, PSM_EVENT, SHARED, scope, tempCtx } from '../../helpers/ctx';

const HYPERLINK = '=HYPERLINK("https://sipsm.kemensos.go.id/psm/7","Fajar Nugroho, S.Ag.")';

/** The fixture as the office's Excel saves it (Windows-1252, CRLF), line 6 (No 5) with the formula as its name. */
function officeFile(): Uint8Array {
  const lines = fs.readFileSync(path.join(SHARED, 'fixtures/peserta-psm-2022.csv'), 'utf8').trimEnd().split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith('5,'));
  lines[i] = `5,"${HYPERLINK.replace(/"/g, '""')}",L,Kabupaten Tanggamus,Gunung Sugih,085703017970,Peserta`;
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'));
}

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
});
const input = () => ({ fileName: 'peserta-psm-2022.csv', bytes: officeFile() });

describe('a name cell holding =HYPERLINK(…) in the office file', () => {
  it('is reported with the row’s No, gender, regency and (masked) phone', async () => {
    const p = await ok(ctx, 'participants.importPreview', input());
    const formula = p.problems.filter((x) => x.code === 'formula');
    expect(formula).toHaveLength(1);
    expect(formula[0]).toMatchObject({ line: 6, column: 'Nama Lengkap', warning: false });
    expect(formula[0]!.row).toEqual([
      { column: 'No', value: '5' },
      { column: 'Jenis Kelamin', value: 'L' },
      { column: 'Kabupaten/Kota', value: 'Kabupaten Tanggamus' },
      { column: 'Kecamatan', value: 'Gunung Sugih' },
      // Personal data stays masked in the report, as in the preview (mask.ts).
      { column: 'No HP', value: '0857•••••970' },
      { column: 'Peran', value: 'Peserta' },
    ]);
    expect(p).toMatchObject({ totalRows: 66, validRows: 65, formulaRows: 1 });
  });

  it('refuses the whole file by default, and takes it whole with the formula as text when allowed', async () => {
    const preview = await ok(ctx, 'participants.importPreview', input());
    const refusedMapped = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      ...input(),
      mapping: preview.mapping,
      skipInvalid: false,
    });
    expect(!refusedMapped.ok && refusedMapped.error.code).toBe('import_invalid');
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM participant').get()).toEqual({ n: 0 });

    // All-or-nothing still: no row is skipped, the formula row comes in as inert text.
    const out = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      ...input(),
      mapping: preview.mapping,
      skipInvalid: false,
      allowFormulas: true,
    });
    expect(out).toMatchObject({ inserted: 66, skipped: 0 });
    const row = ctx.db.prepare("SELECT name, regency, phone FROM participant WHERE name LIKE '=HYPERLINK%'").get();
    expect(row).toEqual({ name: HYPERLINK, regency: 'Kabupaten Tanggamus', phone: '085703017970' });
    // Exported, the text cannot run as a formula in Excel (csv.ts neutralise).
    const exported = await ok(ctx, 'participants.export', { format: 'csv' });
    const text = Buffer.from(exported.bytes).toString('utf8');
    expect(text).not.toMatch(/(^|[;,\n])"?=HYPERLINK/);
    expect(text).toContain('HYPERLINK');
  });
});
