// The daftar hadir read back from the PDF itself (pdftotext), with 66 and with 600 participants.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginate, tableGeometry } from '../../electron/core/reports/daftar-hadir';
import { importFile } from '../../electron/core/participants/import-commit';
import { ok, tempCtx, tempDir, scope } from '../helpers/ctx';

/** The PDF's text, page by page, laid out as printed. */
function pages(bytes: Uint8Array): string[] {
  const file = path.join(tempDir(), 'dh.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

describe('daftar hadir', () => {
  it('lists the people present in check-in order, times in WIB, numbers zig-zag for signatures', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const people = (await ok(ctx, 'participants.list', { limit: 100 })).rows;
    const order = [5, 0, 33, 12, 60, 7, 21];
    for (let i = 0; i < order.length; i++) {
      ctx.now = () => new Date(Date.UTC(2022, 8, 8, 0, 45 + i)); // 07:45 WIB onwards, day 2
      await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text: people[order[i]!]!.code });
    }
    const pdf = await ok(ctx, 'reports.daftarHadir', { dayNo: 2, scope: 'present', order: 'time' });
    expect(pdf.fileName).toBe('daftar-hadir-PSM-2022-09-07-hari-2-hadir.pdf');
    const [text] = pages(pdf.bytes);
    expect(text).toMatch(/DAFTAR HADIR/);
    expect(text).toMatch(/Hari ke-2, Kamis, 8 September 2022/);
    expect(text).toMatch(/Jam hadir/);
    expect(text).toMatch(/\(WIB\)/);
    const lines = text!.split('\n');
    order.forEach((idx, i) => {
      const line = lines.find((l) => l.includes(people[idx]!.name.slice(0, 20)))!;
      expect(line).toMatch(new RegExp(`^\\s*${i + 1}\\s`));
      expect(line).toContain(`07:${45 + i}`);
    });
    // Odd numbers sign on the left half of the signature column, even ones on the right.
    const signCol = (n: number) => {
      const l = lines.find((x) => new RegExp(`^\\s*${n}\\s`).test(x))!;
      return l.lastIndexOf(`${n}.`);
    };
    expect(signCol(1)).toBeLessThan(signCol(2));
    expect(signCol(3)).toBeLessThan(signCol(4));
    expect(Math.abs(signCol(1) - signCol(3))).toBeLessThan(3);
    // Nobody who was not scanned, and the signatory block at the end.
    expect(text).not.toContain(people[1]!.name);
    expect(text).toMatch(/Bandar Lampung, 8 September 2022/);
    expect(text).toContain('Drs. Aswarodi, M.Si.');
    // Rank and grade under the name, as on the certificate (the event form's field).
    expect(event.signatoryRank).toBe('Pembina Utama Muda (IV/c)');
    expect(text).toMatch(/Drs\. Aswarodi, M\.Si\.\s*\n\s*Pembina Utama Muda \(IV\/c\)\n/);
    ctx.db.close();
  });

  it('600 people on paper: header on every page, no row split, everyone once, by name', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    const rows = ['Nama,Kabupaten/Kota,Instansi,Peran'];
    for (let i = 0; i < 534; i++) rows.push(`Peserta Kongres ${String(i).padStart(3, '0')},Kota Metro,Dinas Sosial,Peserta`);
    await importFile(ctx, scope(ctx), { fileName: 'x.csv', bytes: Buffer.from(rows.join('\n')), skipInvalid: false });
    const pdf = await ok(ctx, 'reports.daftarHadir', { dayNo: 1, scope: 'all', order: 'name' });
    const text = pages(pdf.bytes);
    const plan = paginate(600);
    expect(text).toHaveLength(plan.pages.length + (plan.signatoryOnNewPage ? 1 : 0));
    const g = tableGeometry();
    let next = 1;
    text.slice(0, plan.pages.length).forEach((page, p) => {
      expect(page).toMatch(/Tanda tangan/); // the header, repeated
      expect(page).toMatch(new RegExp(`Halaman ${p + 1} dari ${text.length}`));
      // Row numbers on this page: contiguous, continuing the previous page, within the page's room.
      const nums = [...page.matchAll(/^\s{0,3}(\d{1,3})\s{2,}\S/gm)].map((m) => Number(m[1]));
      expect(nums[0]).toBe(next);
      expect(nums).toEqual(nums.map((_, i) => next + i));
      expect(nums.length).toBeLessThanOrEqual(p === 0 ? g.firstPageRows : g.otherPageRows);
      next += nums.length;
    });
    expect(next).toBe(601);
    const all = text.join('\n');
    for (let i = 0; i < 534; i += 53) expect(all.split(`Peserta Kongres ${String(i).padStart(3, '0')}`)).toHaveLength(2);
    expect(text.at(-1)).toContain('Drs. Aswarodi, M.Si.');
    ctx.db.close();
  }, 120_000);

  it('puts the signatory on a page of its own only when the last page has no room', () => {
    const g = tableGeometry();
    expect(paginate(1).signatoryOnNewPage).toBe(false);
    expect(paginate(g.firstPageRows).signatoryOnNewPage).toBe(true);
    expect(paginate(g.firstPageRows + g.otherPageRows).pages).toEqual([
      [0, g.firstPageRows],
      [g.firstPageRows, g.firstPageRows + g.otherPageRows],
    ]);
  });

  it('wraps long names whole, never cut (the sheet is signed): 60, 120 and 200 characters', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    const names = [
      'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.',
      'Prof. Dr. Ir. Haji Muhammad Abdurrahman Wahid Kusumanegara Prawiranegara Hadiningrat Suryadiningrat, S.H., M.H., Ph.D.',
      `Muhammad ${'Abdullah '.repeat(19)}Al-Fatih, S.Pd.`.slice(0, 200),
      // One word wider than the column: broken between its letters, every letter printed.
      'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegt Hubert',
    ];
    const csv = ['Nama,Kabupaten/Kota,Instansi,Peran', ...names.map((n) => `"${n}",Kota Metro,Dinas Sosial,Peserta`)];
    await importFile(ctx, scope(ctx), { fileName: 'x.csv', bytes: Buffer.from(csv.join('\n')), skipInvalid: false });
    const pdf = await ok(ctx, 'reports.daftarHadir', { dayNo: 1, scope: 'all', order: 'name' });
    const file = path.join(tempDir(), 'dh.pdf');
    fs.writeFileSync(file, pdf.bytes);
    // In drawing order: a cell's lines follow one another.
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    const flat = raw.replace(/\s+/g, ' ');
    for (const n of names.slice(0, 3)) expect(flat).toContain(n);
    expect(raw.replace(/\s+/g, '')).toContain(names[3]!.replace(/\s+/g, ''));
    expect(raw).not.toContain('…');
    ctx.db.close();
  });

  it('refuses a day the event does not have', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    await expect(ok(ctx, 'reports.daftarHadir', { dayNo: 3 })).rejects.toThrow(/not_event_day/);
    ctx.db.close();
  });
});
