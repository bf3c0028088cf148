// The certificate number register (issue 16): number ↔ name ↔ regency ↔ date issued, as the recap
// XLSX sheet and CSV view the office files. Certificates issued through the real batch operation.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok, tempCtx } from '../helpers/ctx';

const csvLines = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');

describe('certificate number register', () => {
  it('lists every number given, in the order given, with the person, regency and the date in the event zone; a revoked number stays, marked', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const people = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
    const scope = { eventId: event.id, desk: 'Meja 1' };
    // 23.30 WIB on 8 September is still the 8th in Jakarta, already the 8th in UTC too; 00.30 WIB
    // on the 9th is the 8th in UTC: the register must say the 9th.
    ctx.now = () => new Date('2022-09-08T17:30:00Z');
    const [a, b, c] = [people[3]!, people[7]!, people[11]!];
    await ok(ctx, 'certificates.override', { ...scope, participantId: a.id, reason: 'hadir penuh, dicek panitia' });
    await ok(ctx, 'certificates.override', { ...scope, participantId: b.id, reason: 'hadir penuh, dicek panitia' });
    await ok(ctx, 'certificates.override', { ...scope, participantId: c.id, reason: 'hadir penuh, dicek panitia' });
    await ok(ctx, 'certificates.batch', { ...scope, participantIds: [b.id, a.id] });
    await ok(ctx, 'certificates.batch', { ...scope, participantIds: [c.id] });
    await ok(ctx, 'certificates.revoke', { ...scope, participantId: a.id, reason: 'salah nama' });
    const issued = (await ok(ctx, 'certificates.list', { status: 'issued' })).rows;
    expect(issued).toHaveLength(3);
    const numberOf = (id: number) => issued.find((r) => r.participantId === id)!.number!;

    const csv = csvLines((await ok(ctx, 'reports.recapExport', { format: 'csv', view: 'register', separator: ';' })).bytes);
    expect(csv[0]).toBe('No;Nomor sertifikat;Nama;Kabupaten/Kota;Peran;Tanggal terbit;Dicetak;Keterangan');
    expect(csv).toHaveLength(4);
    const cells = csv.slice(1).map((l) => l.split(';'));
    // In the order the numbers were given; the third batch's person last.
    expect(cells.map((r) => r[1])).toEqual([...[a, b].map((p) => numberOf(p.id)).sort(), numberOf(c.id)]);
    const rowOf = (name: string) => cells.find((r) => r[2] === name || r[2] === `"${name}"`)!;
    expect(rowOf(c.name).slice(3, 7)).toEqual([c.regency ?? '', c.role, '2022-09-09', '1']);
    expect(rowOf(a.name)[7]).toBe('dicabut 2022-09-09: salah nama');
    expect(rowOf(b.name)[7]).toBe('');

    const x = await ok(ctx, 'reports.recapExport', { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as never);
    const sheet = wb.getWorksheet('Register nomor sertifikat')!;
    expect(sheet.rowCount).toBe(4); // header and three numbers, no total row
    expect(sheet.getRow(4).getCell(2).value).toBe(numberOf(c.id));
    expect(sheet.getRow(4).font?.bold).toBeFalsy();
    ctx.db.close();
  });
});
