// The certificate number register as a PDF (issue 16): the recap's register view through the
// same report path (reports.recapExport, format pdf) and the CLI, read back with pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, ROOT, tempCtx, tempDir } from '../helpers/ctx';
import { fitWidths } from '../../electron/core/reports/table-pdf';

/** pdftotext of one page (or all), whitespace collapsed: a wrapped cell reads as one phrase. */
function pdfText(file: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('certificate number register as PDF', () => {
  it('lists every number with name, regency and date; every page has the event and "Halaman n dari N"; the CLI writes the same', async () => {
    const dir = tempDir();
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const people = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
    const scope = { eventId: event.id, desk: 'Meja 1' };
    ctx.now = () => new Date('2022-09-08T17:30:00Z'); // 00.30 WIB on the 9th
    for (const p of people) await ok(ctx, 'certificates.override', { ...scope, participantId: p.id, reason: 'hadir penuh' });
    await ok(ctx, 'certificates.batch', { ...scope, participantIds: people.map((p) => p.id) });
    await ok(ctx, 'certificates.revoke', { ...scope, participantId: people[5]!.id, reason: 'salah nama' });
    const issued = (await ok(ctx, 'certificates.list', { status: 'issued' })).rows;
    expect(issued).toHaveLength(people.length);

    const f = await ok(ctx, 'reports.recapExport', { format: 'pdf', view: 'register' });
    expect(f.mime).toBe('application/pdf');
    expect(f.fileName).toMatch(/^rekap-.*-register\.pdf$/);
    const file = path.join(dir, f.fileName);
    fs.writeFileSync(file, f.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1); // 66 numbers do not fit one page
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(file, p);
      expect(text).toContain('REGISTER NOMOR SERTIFIKAT');
      expect(text).toContain(event.name);
      expect(text).toContain(event.organiser);
      expect(text).toContain(`Halaman ${p} dari ${pages}`);
      expect(text).toContain('Nomor sertifikat');
      expect(text).toContain('Dibuat 9 September 2022 pukul 00:30 WIB');
    }
    const all = pdfText(file);
    for (const r of issued) {
      expect(all).toContain(r.number!);
      expect(all).toContain(r.name);
    }
    expect(all).toContain('2022-09-09');
    expect(all).toContain('dicabut 2022-09-09: salah nama');
    ctx.db.close();

    // The CLI, through the compiled-or-source entry every command uses.
    const out = path.join(dir, 'register.pdf');
    const cli = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/hadir.mjs'), 'report', 'recap', '--format', 'pdf', '--view', 'register', '--out', out, '--data-dir', path.dirname(ctx.db.name)],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const fromCli = pdfText(out);
    for (const r of issued) expect(fromCli).toContain(r.number!);
    expect(fromCli).toContain('Halaman 1 dari');
  }, 300_000);

  it('an empty register says so on its one page', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    const f = await ok(ctx, 'reports.recapExport', { format: 'pdf', view: 'register' });
    const file = path.join(tempDir(), 'empty.pdf');
    fs.writeFileSync(file, f.bytes);
    const text = pdfText(file);
    expect(text).toContain('Belum ada nomor sertifikat yang diberikan.');
    expect(text).toContain('Halaman 1 dari 1');
    ctx.db.close();
  }, 120_000);

  it('column widths fill the page; when too wide, only columns over 30 mm shrink', () => {
    expect(fitWidths([10, 20], 40)).toEqual([15, 25]);
    const w = fitWidths([10, 90, 130], 200);
    expect(w[0]).toBe(10);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(200);
    expect(w[1]! - 30).toBeCloseTo(((w[2]! - 30) * 60) / 100);
  });
});
