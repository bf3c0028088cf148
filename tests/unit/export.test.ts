import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../electron/core/participants/csv';
import { blankFields, type ParticipantInput } from '../../electron/shared/participant';
import { openContext } from '../../electron/core/open-context';
import { ok, PSM_EVENT, RESOURCES, tempCtx, tempDir, scope } from '../helpers/ctx';

const person = (name: string, over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  ...blankFields(),
  name,
  role: 'Peserta',
  ...over,
});

/**
 * `inline`: the import's parse runs on this thread instead of a fresh job worker. The property
 * test below imports 120 times, and each worker start (TypeScript through tsx) cost ~1 s, several
 * under load: it timed out at 400 s once. The parse code is the same either way; the worker
 * hand-off has its own tests (jobs.test, worker-fallback.test, every e2e import).
 */
async function setup(inline = false) {
  const ctx = inline ? openContext(tempDir(), 'cli', RESOURCES, { actor: 'test', jobsWorker: 'inline' }) : tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
  return ctx;
}

describe('export', () => {
  it('neutralises formula-looking cells (OWASP)', () => {
    for (const v of ['=1+1', '+62812', '-5', '@SUM(A1)', '\tx', '\rx', '\nx']) expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ["'+1", "'=x", "''x"]) expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ['Andi', '081234', ' =x', '', "'quoted", "O'Neil"]) expect(neutralise(v)).toBe(v);
  });

  it('writes UTF-8 CSV with a BOM, no personal data unless asked, and neutralised formulas', async () => {
    const ctx = await setup();
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person('=HYPERLINK("http://x","klik")', {
        nik: '1871010101010003',
        phone: '+6281234567890',
        email: 'a@b.id',
        regency: 'Kota Metro',
      }),
    });
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person('José Hernández') });
    const plain = await ok(ctx, 'participants.export', { format: 'csv', separator: ',' });
    // Bytes, not base64: a plain Uint8Array owning exactly its memory (structured clone copies it whole).
    expect(plain.bytes.constructor).toBe(Uint8Array);
    expect(plain.bytes.buffer.byteLength).toBe(plain.bytes.byteLength);
    const bytes = Buffer.from(plain.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header).toBe(
      'Kode Badge,ID Peserta,Nama,Jenis Kelamin,Kabupaten/Kota,Kecamatan,Instansi,Peran,Hadir Hari 1 (2022-09-07),Hadir Hari 2 (2022-09-08)',
    );
    expect(lines).toHaveLength(2);
    expect(text).not.toContain('1871010101010003');
    expect(text).not.toContain('81234567890');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(text).toContain('José Hernández');
    expect(plain).toMatchObject({ rows: 2, mime: 'text/csv' });
    expect(plain.fileName).toBe('peserta-PSM-2022-09-07.csv');

    const full = Buffer.from(
      (await ok(ctx, 'participants.export', { format: 'csv', includePersonal: true, separator: ',' })).bytes,
    ).toString('utf8');
    expect(full).toContain('NIK,No HP,Email');
    // Kept as text when Excel opens the file: all 16 digits, and the leading 0 (typed as +62…,
    // stored and exported in the one national form).
    expect(full).toContain('"=""1871010101010003""","=""081234567890""",a@b.id');
  });

  it('writes the CSV Indonesian Excel opens in columns: ";" by default, digits as text (issue 9.5)', async () => {
    const ctx = await setup();
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person('Yusuf Efendi, S.H.', { phone: '08229959465', nik: '1871010101010003', externalId: '007' }),
    });
    const f = await ok(ctx, 'participants.export', { format: 'csv', includePersonal: true });
    expect(f.fileName).toBe('peserta-PSM-2022-09-07-dengan-data-pribadi.csv');
    const [header, line] = Buffer.from(f.bytes).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      // Issue 20's paperwork fields follow the personal ones, with the same switch.
      'Kode Badge;ID Peserta;Nama;Jenis Kelamin;Kabupaten/Kota;Kecamatan;Instansi;Peran;NIK;No HP;Email;' +
        'NIP;Tempat Lahir;Tanggal Lahir;Pangkat/Golongan;Jabatan;NPWP;Bank;No Rekening;Hadir Hari 1 (2022-09-07);Hadir Hari 2 (2022-09-08)',
    );
    const cells = line!.split(';');
    expect(cells.slice(1, 3)).toEqual(['"=""007"""', '"Yusuf Efendi, S.H."']);
    expect(cells.slice(8, 10)).toEqual(['"=""1871010101010003"""', '"=""08229959465"""']);
    // And the file goes back in unchanged: the import unwraps ="…".
    const dst = await setup();
    const preview = await ok(dst, 'participants.importPreview', { fileName: f.fileName, bytes: f.bytes });
    expect(preview.sample[0]!.values).toMatchObject({ externalId: '007', name: 'Yusuf Efendi, S.H.' });
    await ok(dst, 'participants.importCommit', {
      ...scope(dst),
      fileName: f.fileName,
      bytes: f.bytes,
      mapping: preview.mapping,
      skipInvalid: false,
    });
    expect(dst.db.prepare('SELECT external_id, nik, phone FROM participant').get()).toEqual({
      external_id: '007',
      nik: '1871010101010003',
      phone: '08229959465',
    });
  });

  it('sizes XLSX columns to their content (issue 9.5)', async () => {
    const ctx = await setup();
    const long = 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.';
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person(long, { regency: 'Kabupaten Tulang Bawang Barat', gender: 'P' }),
    });
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Kartini', { regency: 'Kota Metro' }) });
    const f = await ok(ctx, 'participants.export', { format: 'xlsx' });
    expect(f.fileName).toBe('peserta-PSM-2022-09-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.bytes) as never);
    const ws = wb.getWorksheet('Peserta')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const width = (h: string) => ws.getColumn(header.indexOf(h) + 1).width;
    expect(width('Nama')).toBe(long.length + 2);
    expect(width('Kabupaten/Kota')).toBe('Kabupaten Tulang Bawang Barat'.length + 2);
    expect(width('Jenis Kelamin')).toBe('Jenis Kelamin'.length + 2);
  });

  it('writes XLSX with text cells and attendance per day', async () => {
    const ctx = await setup();
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Ni Luh Putu', { phone: '081234567890' }) });
    const e = (await ok(ctx, 'event.get', {}))!;
    ctx.db
      .prepare(
        `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code) VALUES ('s', ?, 'd', ?, ?, 'now', 'ok', ?)`,
      )
      .run(e.id, p.id, e.days[0]!.id, p.code);
    const f = await ok(ctx, 'participants.export', { format: 'xlsx', includePersonal: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.bytes) as never);
    const ws = wb.getWorksheet('Peserta')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('Nama')).toBe('Ni Luh Putu');
    expect(cell('No HP')).toBe('081234567890');
    expect(cell('Kode Badge')).toBe(p.code);
    expect(cell('Hadir Hari 1 (2022-09-07)')).toBe('Ya');
    expect(cell('Hadir Hari 2 (2022-09-08)')).toBeFalsy();
  });

  // Names as the kiosk stores them: trimmed, inner runs of white space collapsed, NFC.
  const storedName = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
    .map((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .filter((s) => s.length > 0 && s.length <= 200);
  // Half the names start like a formula (or like a neutralised one): the cases CSV neutralisation must survive.
  const anyName = fc.oneof(
    storedName,
    fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", "'=", "''"), storedName).map(([c, n]) => c + n),
  );

  it.each(['csv', 'xlsx'] as const)('round-trips arbitrary Unicode names through %s export and import', async (format) => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(anyName, {
          minLength: 1,
          maxLength: 8,
          selector: (s) =>
            s
              .normalize('NFKD')
              .replace(/\p{M}/gu, '')
              .toLowerCase()
              .replace(/[^\p{L}\p{N}]+/gu, ' ')
              .trim(),
        }),
        async (names) => {
          // Names that normalise to nothing (only punctuation) still need a key: skip those the app would see as equal.
          const src = await setup(true);
          for (const n of names) await ok(src, 'participants.create', { ...scope(src), ...person(n, { regency: 'Kota Metro' }) });
          const exported = await ok(src, 'participants.export', { format, includePersonal: true });
          const dst = await setup(true);
          // Names typed in the form may look like formulas: an error on import unless allowed (issue 9.13).
          const preview = await ok(dst, 'participants.importPreview', {
            fileName: `x.${format}`,
            bytes: exported.bytes,
            allowFormulas: true,
          });
          const res = await ok(dst, 'participants.importCommit', {
            ...scope(dst),
            fileName: `x.${format}`,
            bytes: exported.bytes,
            mapping: preview.mapping,
            skipInvalid: false,
            allowFormulas: true,
          });
          expect(res.inserted).toBe(names.length);
          const back = (await ok(dst, 'participants.list', { limit: 1000 })).rows.map((r) => [r.name, r.regency, r.role]);
          const orig = (await ok(src, 'participants.list', { limit: 1000 })).rows.map((r) => [r.name, r.regency, r.role]);
          expect(back.sort()).toEqual(orig.sort());
        },
      ),
      { numRuns: 60 },
    );
    // 60 runs of two new databases and a whole import each. A hang still fails; time is the
    // benchmark's job.
  }, 400_000);
});
