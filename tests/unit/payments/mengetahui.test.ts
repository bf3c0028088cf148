// Issue 20, item 5: the daftar hadir's second signatory ("Mengetahui"), chosen on the event
// screen, printed beside the signatory's block; absent until named. Read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, scope, tempCtx, tempDir } from '../../helpers/ctx';

const text = (bytes: Uint8Array) => {
  const file = path.join(tempDir(), 'dh.pdf');
  fs.writeFileSync(file, bytes);
  if (process.env.HADIR_LOOK) fs.copyFileSync(file, path.join(process.env.HADIR_LOOK, 'daftar-hadir-mengetahui.pdf'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('daftar hadir: Mengetahui', () => {
  it('prints the second signatory only once the event names one', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    const people = (await ok(ctx, 'participants.list', { limit: 5 })).rows;
    for (const p of people) await ok(ctx, 'checkin.scan', { ...scope(ctx), text: p.code, day: 1 });
    const before = text((await ok(ctx, 'reports.daftarHadir', { dayNo: 1 })).bytes);
    expect(before).not.toContain('Mengetahui');
    const cfg = (await ok(ctx, 'payments.settings', {})).config;
    await ok(ctx, 'payments.saveConfig', {
      ...scope(ctx),
      ...cfg,
      mengetahui: { caption: 'Mengetahui', title: 'Kepala Bidang Pemberdayaan Sosial', name: 'Dra. Hj. Siti Rahmah, M.M.', nip: '196805121993032004', rank: 'Pembina Tk. I (IV/b)' },
    });
    const after = text((await ok(ctx, 'reports.daftarHadir', { dayNo: 1 })).bytes);
    const lines = after.split('\n');
    // Side by side with the signatory: the same lines carry both names.
    expect(lines.find((l) => l.includes('Dra. Hj. Siti Rahmah, M.M.'))).toContain('Drs. Aswarodi, M.Si.');
    expect(lines.find((l) => l.includes('Mengetahui'))).toContain('Bandar Lampung, 7 September 2022');
    expect(after).toContain('NIP. 196805121993032004');
    expect(after).toContain('Kepala Bidang Pemberdayaan Sosial');
  });
});
