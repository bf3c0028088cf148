// Migration 0080 (issue 20, the speakers' file): a programme already set up keeps its sessions,
// speakers and JP, every session with no moderator yet.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { LATEST_VERSION } from '../../electron/db/migrations';
import { databaseAt } from '../helpers/schema';

describe('migration 0080 (session speakers)', () => {
  it('keeps every session of the programme, with no moderator', () => {
    const { db } = databaseAt(70);
    db.exec(`INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
             VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now')`);
    db.exec(`INSERT INTO programme_item(event_id, position, material, jp, speaker) VALUES (1, 1, 'Kebijakan PSM', 4, 'Drs. Aswarodi, M.Si.')`);
    migrate(db);
    expect(db.prepare('SELECT material, jp, speaker, moderator FROM programme_item').all()).toEqual([
      { material: 'Kebijakan PSM', jp: 4, speaker: 'Drs. Aswarodi, M.Si.', moderator: '' },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});
