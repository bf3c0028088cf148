// Issue 18, defect 9: names in Arabic script are drawn with the bundled Arabic fallback (Noto
// Naskh Arabic), shaped and right to left, on tags, certificates and the daftar hadir; read back
// with pdftotext; no longer warned about. A name mixing Arabic and Latin letters stays warned.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempCtx, tempDir } from '../helpers/ctx';

const ARABIC = ['محمد علي', 'فاطمة الزهراء'];
const MIXED = 'Ahmad محمد';

/** pdftotext, without the bidi marks poppler puts around right-to-left text. */
function text(bytes: Uint8Array): string {
  const file = path.join(tempDir(), 'f.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

describe('names in Arabic script', () => {
  it('print shaped on tags, certificates and the daftar hadir, read back whole; only the mixed name is warned about', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const scope = { eventId: event.id, desk: 'Meja 1' };
    const ids: number[] = [];
    for (const name of [...ARABIC, MIXED]) ids.push((await ok(ctx, 'participants.create', { ...scope, name, role: 'Peserta' })).id);

    const warned = await ok(ctx, 'participants.undrawable', {});
    expect(warned.map((p) => p.name)).toEqual([MIXED]);

    const tags = await ok(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'ids', ids } });
    expect(tags.undrawable.map((p) => p.name)).toEqual([MIXED]);
    const tagText = text(tags.bytes);
    for (const name of ARABIC) expect(tagText).toContain(name);

    for (const participantId of ids.slice(0, 2)) await ok(ctx, 'certificates.override', { ...scope, participantId, reason: 'hadir penuh' });
    const certs = await ok(ctx, 'certificates.batch', { ...scope, participantIds: ids.slice(0, 2) });
    expect(certs.undrawable).toEqual([]);
    const certText = text(certs.file.bytes);
    for (const name of ARABIC) expect(certText).toContain(name);

    const sheet = await ok(ctx, 'reports.daftarHadir', { dayNo: 1, scope: 'all', order: 'name' });
    const sheetText = text(sheet.bytes);
    for (const name of ARABIC) expect(sheetText).toContain(name);
    ctx.db.close();
  }, 300_000);
});
