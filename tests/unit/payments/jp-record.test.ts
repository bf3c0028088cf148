// Issue 20, item 6: the 20-JP record per home agency, read back from the files themselves: one
// XLSX and one CSV per agency, only civil servants (a NIP) who attended, JP only for those who
// qualify, and the certificate number and QR text exactly as on the certificates issued.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import type { Participant } from '../../../electron/shared/participant';
import { ok, ROOT, scope, tempCtx, tempDir } from '../../helpers/ctx';

const csvRows = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(';').map((c) => c.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));

describe('20-JP record', () => {
  let ctx: Ctx;
  let people: Participant[];
  const issued = new Map<string, { number: string; claim: string }>();
  const NIPS = ['197508172000121001', '198001012005011002', '196912311994031005', '199002022015032001'];
  const AGENCIES = ['Dinas Sosial Kabupaten Way Kanan', 'Dinas Sosial Kabupaten Way Kanan', 'Dinas Sosial Kota Metro', 'Dinas Sosial Kota Metro'];

  beforeAll(async () => {
    ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    people = (await ok(ctx, 'participants.list', { limit: 100 })).rows.filter((p) => p.role === 'Peserta').slice(0, 6);
    for (let i = 0; i < 6; i++) {
      const full = await ok(ctx, 'participants.get', { id: people[i]!.id });
      const { id, code: _c, deleted: _d, daysPresent: _dp, presentAt: _pa, editedFields: _e, ...data } = full;
      // Four civil servants in two agencies; two with no NIP (not civil servants: not listed).
      people[i] = await ok(ctx, 'participants.update', {
        ...scope(ctx),
        id,
        data: { ...data, nip: NIPS[i] ?? null, institution: AGENCIES[i] ?? 'Yayasan Peduli', rank: i < 4 ? 'Penata (III/c)' : null },
      });
    }
    // All but the fourth attend both days; the fourth only day 1 (does not qualify); the sixth never.
    for (const d of [1, 2]) for (let i = 0; i < 5; i++) if (d === 1 || i !== 3) await ok(ctx, 'checkin.scan', { ...scope(ctx), text: people[i]!.code, day: d });
    for (let i = 0; i < 3; i++) {
      const r = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: people[i]!.id });
      issued.set(people[i]!.name, { number: r.row.number!, claim: r.claim });
    }
    expect(event.programme.reduce((s, p) => s + p.jp, 0)).toBe(12);
  }, 240_000);

  it('one XLSX and one CSV per agency, and a summary; JP only for those who qualify; numbers as on the certificates', async () => {
    const f = await ok(ctx, 'reports.jp', { by: 'instansi' });
    expect(f.fileName).toMatch(/^jp-instansi-PSM-2022-09-07\.zip$/);
    const zip = await JSZip.loadAsync(f.bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      'jp-Dinas-Sosial-Kabupaten-Way-Kanan.csv',
      'jp-Dinas-Sosial-Kabupaten-Way-Kanan.xlsx',
      'jp-Dinas-Sosial-Kota-Metro.csv',
      'jp-Dinas-Sosial-Kota-Metro.xlsx',
      'ringkasan.csv',
      'ringkasan.xlsx',
    ]);
    const metro = csvRows(await zip.files['jp-Dinas-Sosial-Kota-Metro.csv']!.async('uint8array'));
    expect(metro[0]).toEqual(['Nama', 'NIP', 'Instansi', 'Kabupaten/Kota', 'Pelatihan', 'Tanggal', 'JP', 'Nomor sertifikat', 'Teks verifikasi']);
    const byName = new Map(metro.slice(1).map((r) => [r[0]!, r]));
    expect(byName.size).toBe(2);
    const third = byName.get(people[2]!.name)!;
    expect(third.slice(1, 3)).toEqual([NIPS[2], AGENCIES[2]]);
    expect(third[5]).toBe('7–8 September 2022');
    expect(third[6]).toBe('12');
    expect(third[7]).toBe(issued.get(people[2]!.name)!.number);
    // The same signed text the certificate's QR carries, which the verify page accepts.
    expect(third[8]).toContain(issued.get(people[2]!.name)!.claim);
    const v = await ok(ctx, 'certificates.verify', { text: third[8]! });
    expect(v.verdict).toBe('authentic');
    const fourth = byName.get(people[3]!.name)!;
    expect(fourth.slice(5, 9)).toEqual(['7 September 2022', '0', '', '']);

    const wayKanan = await zip.files['jp-Dinas-Sosial-Kabupaten-Way-Kanan.xlsx']!.async('nodebuffer');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(wayKanan as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6], r[7]]).sort()).toEqual(
      [0, 1].map((i) => [people[i]!.name, NIPS[i], 12, issued.get(people[i]!.name)!.number]).sort(),
    );
    const summary = csvRows(await zip.files['ringkasan.csv']!.async('uint8array'));
    expect(summary.slice(1)).toEqual([
      ['Dinas Sosial Kabupaten Way Kanan', '2', '2', '24', 'jp-Dinas-Sosial-Kabupaten-Way-Kanan.xlsx'],
      ['Dinas Sosial Kota Metro', '2', '1', '12', 'jp-Dinas-Sosial-Kota-Metro.xlsx'],
    ]);
  });

  it('hadir report jp --by regency --out DIR writes the files into the folder', () => {
    const out = path.join(tempDir(), 'jp');
    execFileSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), 'report', 'jp', '--by', 'regency', '--out', out, '--data-dir', ctx.dataDir], {
      encoding: 'utf8',
    });
    const files = fs.readdirSync(out).sort();
    expect(files).toContain('ringkasan.xlsx');
    expect(files.filter((f) => f.endsWith('.csv')).length).toBe(files.filter((f) => f.endsWith('.xlsx')).length);
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
});
