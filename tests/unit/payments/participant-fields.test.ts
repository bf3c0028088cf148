// Issue 20, item 1: the paperwork's participant fields, end to end on a real database: migration
// 0070 is tested in migration-0070.test.ts; here the import's guessed mapping and checks, the form's checks,
// masking in lists, the export's personal-data switch, and the event file carrying them.
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../electron/core/participants/import/guess-mapping';
import { participantInput } from '../../../electron/shared/participant';
import { normaliseBirthDate } from '../../../electron/shared/paperwork-fields';
import { dispatch } from '../../../electron/core/dispatch';
import { bin, ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

const CSV = [
  'Nama;Kabupaten/Kota;NIP;Tempat Lahir;Tgl Lahir;Pangkat/Gol;Jabatan;NPWP;Nama Bank;No Rekening',
  'Agus Salim, S.Pd.;Kabupaten Way Kanan;19750817 200012 1 001;Bandar Lampung;17-08-1975;Penata (III/c);Penyuluh Sosial Ahli Muda;12.345.678.9-012.345;BRI;0123-01-000123-50-1',
  'Siti Aminah;Kota Metro;;;;;PSM;;Bank Lampung;3801234567890123',
].join('\r\n');

describe('paperwork fields', () => {
  it('guesses the columns offices title them with; "NIK/NIP" stays NIK, "NIP" is the NIP', () => {
    expect(guessMapping(['NIK/NIP'])).toEqual(['nik']);
    expect(guessMapping(['NIK', 'NIP', 'Tempat Lahir', 'Tanggal Lahir', 'Pangkat/Golongan', 'Jabatan', 'NPWP', 'Bank', 'No. Rekening'])).toEqual([
      'nik',
      'nip',
      'birthPlace',
      'birthDate',
      'rank',
      'position',
      'npwp',
      'bank',
      'accountNo',
    ]);
  });

  it('checks them in the form: NIP 18 digits, dates as offices write them, account digits only', () => {
    const base = { name: 'Agus', role: 'Peserta' };
    const good = participantInput.parse({ ...base, nip: '19750817 200012 1 001', birthDate: '17 Agustus 1975', npwp: '12.345.678.9-012.345', accountNo: '0123-01-000123-50-1' });
    expect(good).toMatchObject({ nip: '197508172000121001', birthDate: '1975-08-17', npwp: '123456789012345', accountNo: '012301000123501' });
    const messages = (v: object) => participantInput.safeParse({ ...base, ...v }).error?.issues.map((i) => i.message);
    expect(messages({ nip: '1975081720001210' })).toEqual(['NIP: 18 digits']);
    expect(messages({ birthDate: '31-02-1975' })).toEqual(['tanggal lahir / date of birth: YYYY-MM-DD or DD-MM-YYYY']);
    expect(messages({ npwp: '123' })).toEqual(['NPWP: 15 or 16 digits']);
    expect(messages({ accountNo: 'BRI 123' })).toEqual(['rekening / account: 6-20 digits']);
    expect(normaliseBirthDate('1975-8-17')).toBe('1975-08-17');
    expect(normaliseBirthDate('08/17/1975')).toBeNull(); // month first is not how an Indonesian list writes it
  });

  it('imports them, masks them in lists, and exports them only with the personal-data switch', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'pns.csv', bytes: bin(CSV) });
    expect(preview.mapping).toEqual(['name', 'regency', 'nip', 'birthPlace', 'birthDate', 'rank', 'position', 'npwp', 'bank', 'accountNo']);
    await ok(ctx, 'participants.importCommit', { ...scope(ctx), fileName: 'pns.csv', bytes: bin(CSV), mapping: preview.mapping, skipInvalid: false });
    const listed = (await ok(ctx, 'participants.list', {})).rows.find((p) => p.name.startsWith('Agus'))!;
    expect(listed).toMatchObject({ nip: '1975••••••••••1001', birthDate: '1975-••-••', birthPlace: 'B•••••••••••••', npwp: '1234•••••••2345', rank: 'Penata (III/c)', bank: 'BRI' });
    const full = await ok(ctx, 'participants.get', { id: listed.id });
    expect(full).toMatchObject({ nip: '197508172000121001', birthDate: '1975-08-17', accountNo: '012301000123501', position: 'Penyuluh Sosial Ahli Muda' });

    const plain = Buffer.from((await ok(ctx, 'participants.export', { format: 'csv' })).bytes).toString('utf8');
    for (const s of ['NIP', 'Pangkat', 'Rekening', '197508172000121001', '012301000123501', 'Penyuluh']) expect(plain).not.toContain(s);
    const personal = Buffer.from((await ok(ctx, 'participants.export', { format: 'csv', includePersonal: true })).bytes).toString('utf8');
    for (const s of ['NIP', 'Pangkat/Golongan', 'No Rekening', '197508172000121001', '3801234567890123', 'Penyuluh Sosial Ahli Muda'])
      expect(personal).toContain(s);
  });

  it('refuses a NIP that Excel turned into a number, in the import report', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const bad = 'Nama;NIP;No Rekening\r\nAgus;1,97508E+17;12';
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'bad.csv', bytes: bin(bad) });
    expect(preview.problems.map((p) => p.code).sort()).toEqual(['bad_account', 'bad_nip']);
    const res = await dispatch(ctx, 'participants.importCommit', { ...scope(ctx), fileName: 'bad.csv', bytes: bin(bad), mapping: preview.mapping, skipInvalid: false });
    expect(res.ok).toBe(false);
    expect((await ok(ctx, 'participants.list', {})).total).toBe(0);
  });

  it('travels in the event file with the rates and the signatories', async () => {
    const src = tempCtx();
    await ok(src, 'event.create', PSM_EVENT);
    const mapping = (await ok(src, 'participants.importPreview', { fileName: 'pns.csv', bytes: bin(CSV) })).mapping;
    await ok(src, 'participants.importCommit', { ...scope(src), fileName: 'pns.csv', bytes: bin(CSV), mapping, skipInvalid: false });
    await ok(src, 'payments.setRates', { ...scope(src), rates: [{ kind: 'uang-saku', role: 'Peserta', regency: '', amount: 100_000 }] });
    const cfg = (await ok(src, 'payments.settings', {})).config;
    cfg.signatories[0]!.name = 'Ir. Bambang Wijaya, M.M.';
    await ok(src, 'payments.saveConfig', { ...scope(src), ...cfg });
    const file = await ok(src, 'event.exportFile', {});
    const dst = tempCtx();
    const out = await ok(dst, 'event.importFile', { bytes: file.bytes, mode: 'new' });
    const moved = await ok(dst, 'payments.settings', { eventId: out.eventId });
    expect(moved.rates).toEqual([{ kind: 'uang-saku', role: 'Peserta', regency: '', amount: 100_000 }]);
    expect(moved.config.signatories[0]!.name).toBe('Ir. Bambang Wijaya, M.M.');
    const people = (await ok(dst, 'participants.list', { eventId: out.eventId })).rows;
    const agus = await ok(dst, 'participants.get', { eventId: out.eventId, id: people.find((p) => p.name.startsWith('Agus'))!.id });
    expect(agus).toMatchObject({ nip: '197508172000121001', rank: 'Penata (III/c)', accountNo: '012301000123501' });
  });
});
