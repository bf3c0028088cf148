// Migration 0070 (issue 20, the paperwork): a kiosk's participants keep their data, the new fields
// start empty, and the rate table holds whole rupiah only.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { databaseAt } from '../helpers/schema';

describe('migration 0070 (paperwork)', () => {
  it('migration 0070 keeps every participant, with the new fields empty', () => {
    const { db } = databaseAt(60);
    db.exec(`INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
             VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now')`);
    db.exec(`INSERT INTO participant(event_id, code, name_key, name, role, created_at, updated_at)
             VALUES (1, 'AAAAAAAA', 'k', 'Agus', 'Peserta', 'now', 'now')`);
    migrate(db);
    expect(db.prepare('SELECT name, nip, birth_place, birth_date, rank, position, npwp, bank, account_no FROM participant').get()).toEqual({
      name: 'Agus',
      nip: null,
      birth_place: null,
      birth_date: null,
      rank: null,
      position: null,
      npwp: null,
      bank: null,
      account_no: null,
    });
    // Money is whole rupiah: the STRICT table refuses a fraction instead of storing it.
    expect(() => db.prepare("INSERT INTO payment_rate VALUES (1, 'transport', 'Peserta', '', 150000.5)").run()).toThrow();
    db.close();
  });

});
