// The daftar penerimaan read back from the PDF itself (pdftotext -layout): every page's total is
// the sum of its rows, the carried-forward totals chain, and the grand total is the sum of all
// rows, spelled out in words; across an undo, a re-scan, a walk-in, a person absent a day and a
// person with two roles; tax per grade; 600 people page cleanly. Real SQLite, real PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import type { HadirEvent } from '../../../electron/shared/event';
import type { Participant } from '../../../electron/shared/participant';
import { terbilangRupiah } from '../../../electron/core/payments/terbilang';
import { receiptData } from '../../../electron/core/payments/handlers';
import { bin, importGenerated, ok, scope, tempCtx, tempDir } from '../../helpers/ctx';
import { dispatch } from '../../../electron/core/dispatch';


function pdfPages(bytes: Uint8Array): string[] {
  const file = path.join(tempDir(), 'dp.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

const MONEY = /^\d{1,3}(?:\.\d{3})*$/;
const rp = (s: string) => Number(s.replace(/\./g, ''));
/** The last three amounts on a line: gross, tax, net (the account number after them has no dots). */
const lastThree = (line: string): [number, number, number] => {
  const m = line
    .trim()
    .split(/\s+/)
    .filter((t) => MONEY.test(t))
    .map(rp);
  expect(m.length, line).toBeGreaterThanOrEqual(3);
  return m.slice(-3) as [number, number, number];
};

interface PageRead {
  rows: [number, number, number][];
  carriedIn: [number, number, number] | null;
  pageSum: [number, number, number];
  carriedOut: [number, number, number];
  last: boolean;
}

/** Reads each page: its numbered rows (in order, none skipped), carried-in, page and running totals. */
function readPages(pages: string[]): PageRead[] {
  let next = 1;
  const out: PageRead[] = [];
  for (const page of pages) {
    const lines = page.split('\n');
    const sumOf = (label: RegExp) => {
      const l = lines.find((x) => label.test(x));
      return l ? lastThree(l) : null;
    };
    const pageSum = sumOf(/Jumlah halaman ini/);
    if (!pageSum) continue; // the closing page (terbilang and signatures) has no table
    const rows: [number, number, number][] = [];
    for (const l of lines) {
      if (new RegExp(`^\\s*${next}\\s`).test(l) && l.trim().split(/\s+/).filter((t) => MONEY.test(t)).length >= 4) {
        rows.push(lastThree(l));
        next++;
      }
    }
    const last = lines.some((l) => /JUMLAH SELURUHNYA/.test(l));
    out.push({
      rows,
      carriedIn: sumOf(/Pindahan dari halaman sebelumnya/),
      pageSum,
      carriedOut: (last ? sumOf(/JUMLAH SELURUHNYA/) : sumOf(/Jumlah dipindahkan/))!,
      last,
    });
  }
  return out;
}

const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]!) as [number, number, number];

/** Checks the page arithmetic as a treasurer would, and returns the grand total read from the PDF. */
function checkTotals(pages: PageRead[], rowCount: number): [number, number, number] {
  let carried: [number, number, number] = [0, 0, 0];
  pages.forEach((p, i) => {
    const sum = p.rows.reduce(add, [0, 0, 0]);
    expect(p.pageSum, `page ${i + 1} total`).toEqual(sum);
    for (const r of p.rows) expect(r[0] - r[1], 'net = gross - tax').toBe(r[2]);
    if (i === 0) expect(p.carriedIn).toBeNull();
    else expect(p.carriedIn, `page ${i + 1} carried in`).toEqual(carried);
    carried = add(carried, sum);
    expect(p.carriedOut, `page ${i + 1} carried out`).toEqual(carried);
    expect(p.last).toBe(i === pages.length - 1);
  });
  expect(pages.reduce((n, p) => n + p.rows.length, 0)).toBe(rowCount);
  return carried;
}

const RATES = [
  'kind;role;regency;amount',
  'transport;Peserta;;150.000',
  'transport;Peserta;Kabupaten Way Kanan;Rp 300.000',
  'transport;Narasumber;;250000',
  'uang-saku;Peserta;;100000',
  'uang-saku;Panitia;;75000',
  'uang-saku;Narasumber;;100000',
  'honor;Narasumber;;900000',
].join('\r\n');

describe('daftar penerimaan', () => {
  let ctx: Ctx;
  let event: HadirEvent;
  let people: Participant[];
  const byName = (n: string) => people.find((p) => p.name === n)!;
  const dataOf = (p: Participant) => {
    const { id: _i, code: _c, deleted: _d, daysPresent: _dp, presentAt: _pa, editedFields: _e, ...data } = p;
    return data;
  };
  const edit = (p: Participant, over: Partial<Participant>) =>
    ok(ctx, 'participants.update', { ...scope(ctx), id: p.id, data: dataOf({ ...p, ...over }) });
  const scan = (p: Participant, day: number) => ok(ctx, 'checkin.scan', { ...scope(ctx), text: p.code, day });
  let longest: Participant;
  let civilIII: Participant;
  let civilIV: Participant;
  let absentDay2: Participant;
  let undone: Participant;
  let rescanned: Participant;
  let twoRoles: Participant;
  let twoRolesPanitia: Participant;
  let walkIn: Participant;
  let speakers: Participant[];

  beforeAll(async () => {
    ctx = tempCtx();
    event = await ok(ctx, 'event.createDemo', {});
    people = (await ok(ctx, 'participants.list', { limit: 100 })).rows;
    people = await Promise.all(people.map((p) => ok(ctx, 'participants.get', { id: p.id })));
    longest = [...people].sort((a, b) => b.name.length - a.name.length)[0]!;
    expect(longest.name.length).toBeGreaterThanOrEqual(55);
    const peserta = people.filter((p) => p.role === 'Peserta' && p.id !== longest.id);
    speakers = people.filter((p) => p.role === 'Narasumber').slice(0, 2);
    expect(speakers).toHaveLength(2);
    [civilIII, civilIV, absentDay2, undone, rescanned, twoRoles] = peserta as [Participant, Participant, Participant, Participant, Participant, Participant];
    longest = await edit(longest, { nip: '197508172000121001', rank: 'Penata Muda Tingkat I (III/b)', bank: 'Bank Lampung', accountNo: '3801234567890123' });
    civilIII = await edit(civilIII, { nip: '198001012005011002', rank: 'Penata (III/c)', bank: 'BRI', accountNo: '0123-01-000123-50-1' });
    civilIV = await edit(civilIV, { nip: '196912311994031005', rank: 'Pembina (IV/a)', bank: 'BNI', accountNo: '0987654321' });
    speakers[0] = await edit(speakers[0]!, { rank: 'Pembina Utama Muda (IV/c)', nip: '196512121990031001' });
    // The second speaker is no civil servant: 6 % of their own.
    await ok(ctx, 'payments.setTaxRate', { ...scope(ctx), participantId: speakers[1]!.id, rateBp: 600 });
    // The programme names the speakers as registered: 6 JP and 2 JP.
    const { id: _id, days, programme: _p, ...rest } = event;
    await ok(ctx, 'event.update', {
      ...scope(ctx),
      name: rest.name,
      organiser: rest.organiser,
      venue: rest.venue,
      city: rest.city,
      days: days.map((d) => d.date),
      signatoryName: rest.signatoryName,
      signatoryTitle: rest.signatoryTitle,
      signatoryNip: rest.signatoryNip,
      programme: [
        { material: 'Kebijakan PSM', jp: 4, speaker: speakers[0]!.name },
        { material: 'Jejaring PSM', jp: 2, speaker: speakers[0]!.name.toUpperCase() },
        { material: 'Kewirausahaan', jp: 2, speaker: speakers[1]!.name },
      ],
    });
    // The same person registered a second time as committee (another record, another role).
    twoRolesPanitia = await ok(ctx, 'participants.create', { ...scope(ctx), ...dataOf(twoRoles), regency: null, nik: null, role: 'Panitia' });
    await ok(ctx, 'payments.ratesFile', { ...scope(ctx), bytes: bin(RATES) });

    // Day 1: everyone but the undone one and a few absent; day 2: all but absentDay2.
    for (const p of people.slice(0, 50)) if (p.id !== undone.id) await scan(p, 1);
    await scan(undone, 1);
    await ok(ctx, 'checkin.undo', { ...scope(ctx), participantId: undone.id, day: 1, reason: 'salah pindai' });
    await scan(rescanned, 1); // a second scan the same day pays nothing more
    await scan(twoRolesPanitia, 1);
    for (const p of people.slice(0, 45)) if (p.id !== absentDay2.id && p.id !== undone.id) await scan(p, 2);
    for (const s of speakers) await scan(s, 2);
    await scan(longest, 1);
    const w = await ok(ctx, 'checkin.walkIn', {
      ...scope(ctx),
      day: 2,
      participant: { name: 'Rahmat Hidayat Walk In', role: 'Peserta', regency: 'Kabupaten Way Kanan' },
    });
    walkIn = await ok(ctx, 'participants.get', { id: w.participant!.id });
  }, 240_000);

  it('pays only the present, per day, once; the walk-in at the regency rate; two roles at two rates', () => {
    const saku = receiptData(ctx, undefined, 'uang-saku');
    const row = (p: Participant, role = p.role) => saku.rows.find((r) => r.name === p.name && r.role === role);
    expect(row(undone)).toBeUndefined();
    expect(row(absentDay2)).toMatchObject({ days: [1], units: 1, gross: 100_000 });
    expect(row(rescanned)).toMatchObject({ days: [1, 2], units: 2, gross: 200_000 });
    expect(row(walkIn)).toMatchObject({ days: [2], units: 1, gross: 100_000 });
    expect(row(twoRoles, 'Peserta')).toMatchObject({ units: 2, rate: 100_000 });
    expect(row(twoRoles, 'Panitia')).toMatchObject({ days: [1], units: 1, rate: 75_000 });
    const transport = receiptData(ctx, undefined, 'transport');
    expect(transport.rows.find((r) => r.name === walkIn.name)).toMatchObject({ rate: 300_000, units: 1 });
    expect(transport.rows.find((r) => r.name === rescanned.name)).toMatchObject({ units: 1 });
    const day2 = receiptData(ctx, undefined, 'transport', 2);
    expect(day2.rows.find((r) => r.name === absentDay2.name)).toBeUndefined();
    // Tax by grade: III 5 %, IV 15 %, no grade 0 % (the event default), the speaker's own 6 %.
    expect(row(civilIII)).toMatchObject({ gross: 200_000, taxBp: 500, tax: 10_000, net: 190_000 });
    expect(row(civilIV)).toMatchObject({ gross: 200_000, taxBp: 1500, tax: 30_000, net: 170_000 });
    const honor = receiptData(ctx, undefined, 'honor');
    expect(honor.rows.map((r) => [r.name, r.units, r.gross, r.tax])).toEqual(
      [
        [speakers[0]!.name, 6, 5_400_000, 810_000],
        [speakers[1]!.name, 2, 1_800_000, 108_000],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'id')),
    );
  });

  it.each(['transport', 'uang-saku', 'honor'] as const)('%s: page totals are the sums of their rows, the grand total in words', async (kind) => {
    const data = receiptData(ctx, undefined, kind);
    const pdf = await ok(ctx, 'reports.receipts', { kind, format: 'pdf' });
    const pages = pdfPages(pdf.bytes);
    const grand = checkTotals(readPages(pages), data.rows.length);
    expect(grand).toEqual([data.totals.gross, data.totals.tax, data.totals.net]);
    const all = pages.join('\n').replace(/\s+/g, ' ');
    const words = terbilangRupiah(data.totals.net);
    expect(all.toLowerCase()).toContain(`terbilang: ${words}`);
    expect(all).toContain('Pejabat Pembuat Komitmen');
    expect(all).toContain('Bendahara Pengeluaran');
  });

  it('prints the 60-character name whole and the 16-digit account, and the XLSX has the same totals', async () => {
    const pdf = await ok(ctx, 'reports.receipts', { kind: 'uang-saku', format: 'pdf' });
    const text = pdfPages(pdf.bytes).join('\n');
    expect(text).toContain('3801234567890123');
    for (const word of longest.name.split(' ')) expect(text).toContain(word);
    const xlsx = await ok(ctx, 'reports.receipts', { kind: 'uang-saku', format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/^daftar-penerimaan-uang-saku-.*\.xlsx$/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const data = receiptData(ctx, undefined, 'uang-saku');
    let gross = 0;
    let net = 0;
    let total: { getCell: (n: number) => { value: unknown } } | null = null;
    ws.eachRow((r) => {
      if (typeof r.getCell(1).value === 'number') {
        gross += r.getCell(10).value as number;
        net += r.getCell(13).value as number;
      }
      if (r.getCell(2).value === 'JUMLAH') total = r;
    });
    expect(gross).toBe(data.totals.gross);
    expect(net).toBe(data.totals.net);
    expect(total!.getCell(13).value).toBe(data.totals.net);
    // Account numbers stay text with every digit.
    let account: unknown;
    ws.eachRow((r) => r.getCell(2).value === longest.name && (account = r.getCell(15).value));
    expect(account).toBe('3801234567890123');
  });

  it('writes the PDFs to look at (set HADIR_LOOK=dir)', async () => {
    const dir = process.env.HADIR_LOOK;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    for (const kind of ['uang-saku', 'honor'] as const) {
      const f = await ok(ctx, 'reports.receipts', { kind, format: 'pdf' });
      fs.writeFileSync(path.join(dir, f.fileName), f.bytes);
    }
  });

  it('refuses a bad rates file in one line and keeps the stored rates', async () => {
    const before = await ok(ctx, 'payments.settings', {});
    for (const [file, says] of [
      ['transport;Peserta;;150000,50', /baris 1: jumlah "150000,50" bukan rupiah bulat \/ line 1: amount "150000,50" is not whole rupiah/],
      ['kind;role;regency;amount\nongkos;Peserta;;1000', /jenis "ongkos" tidak dikenal/],
      ['transport;Tamu;;1000', /role "Tamu" is not a role of this event/],
    ] as const) {
      const res = await dispatch(ctx, 'payments.ratesFile', { ...scope(ctx), bytes: bin(file) });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_input');
        expect(res.error.message).toMatch(says);
        expect(res.error.message).not.toContain('\n');
      }
    }
    expect(await ok(ctx, 'payments.settings', {})).toEqual(before);
  });
});

describe('daftar penerimaan, 600 people', () => {
  it('pages cleanly: numbered rows in order, every page adding up, the total carried to the end', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', {
      name: 'Kongres PSM Lampung',
      organiser: 'Dinas Sosial Provinsi Lampung',
      venue: 'Hotel Horison',
      city: 'Bandar Lampung',
      days: ['2022-09-07'],
      signatoryName: 'Drs. Aswarodi, M.Si.',
      signatoryTitle: 'Kepala Dinas',
      signatoryNip: '',
    });
    await importGenerated(ctx, scope(ctx), 600, 'Peserta Kongres');
    const all = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
    for (const p of all) await ok(ctx, 'checkin.scan', { ...scope(ctx), text: p.code, day: 1 });
    await ok(ctx, 'payments.setRates', { ...scope(ctx), rates: [{ kind: 'transport', role: 'Peserta', regency: '', amount: 175_000 }] });
    const pdf = await ok(ctx, 'reports.receipts', { kind: 'transport', format: 'pdf', dayNo: 1 });
    const pages = pdfPages(pdf.bytes);
    const read = readPages(pages);
    expect(read.length).toBeGreaterThan(20);
    expect(checkTotals(read, 600)).toEqual([600 * 175_000, 0, 600 * 175_000]);
    pages.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari ${pages.length}`));
    expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Terbilang: Seratus lima juta rupiah');
  }, 240_000);
});
