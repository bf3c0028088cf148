import type { Database } from 'better-sqlite3';

/**
 * What the participant screens needed (issue 9):
 *
 * 1. Search that ignores apostrophes: "maruf" must find "Ma'ruf". unicode61 splits words at an
 *    apostrophe ("ma", "ruf"), so the index now holds the text with apostrophe-like marks removed.
 *    The table becomes contentless (it stores no copy, and never reads participant's raw columns
 *    back, which would no longer match what was indexed); contentless_delete lets the triggers
 *    remove a row by rowid.
 * 2. `edited_fields`: which fields were changed in the app's form, so a re-import keeps those
 *    edits unless the organiser chooses the file's values. A space-separated list of field names.
 * 3. One phone format: numbers typed as "+62 813-…" were stored as "+62813…" while imported ones
 *    were "0813…". Indonesian numbers are now stored in the national form (0…); this rewrites the
 *    ones already stored. The rule is copied, not imported, so this migration never changes.
 */
const MARKS = ["'", '\u2019', '\u2018', '`', '\u00b4', '\u02bc', '\u02bb'];
/** SQL expression removing the apostrophe-like marks from `col`. */
const fold = (col: string) => MARKS.reduce((sql, m) => `replace(${sql}, '${m === "'" ? "''" : m}', '')`, `coalesce(${col}, '')`);

const ftsInsert = (p: string) =>
  `INSERT INTO participant_fts(rowid, name, regency, institution, code)
   VALUES (${p}.id, ${fold(`${p}.name`)}, ${fold(`${p}.regency`)}, ${fold(`${p}.institution`)}, ${p}.code);`;

const toNational = (phone: string): string => {
  const m = /^(?:\+|00)620?(\d{7,13})$/.exec(phone) ?? /^620?(8\d{8,12})$/.exec(phone);
  return m ? `0${m[1]}` : phone;
};

export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER participant_ai;
    DROP TRIGGER participant_ad;
    DROP TRIGGER participant_au;
    DROP TABLE participant_fts;
    CREATE VIRTUAL TABLE participant_fts USING fts5(
      name, regency, institution, code,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2"
    );
    CREATE TRIGGER participant_ai AFTER INSERT ON participant BEGIN
      ${ftsInsert('new')}
    END;
    CREATE TRIGGER participant_ad AFTER DELETE ON participant BEGIN
      DELETE FROM participant_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER participant_au AFTER UPDATE OF name, regency, institution, code ON participant BEGIN
      DELETE FROM participant_fts WHERE rowid = old.id;
      ${ftsInsert('new')}
    END;
    INSERT INTO participant_fts(rowid, name, regency, institution, code)
      SELECT id, ${fold('name')}, ${fold('regency')}, ${fold('institution')}, code FROM participant;

    ALTER TABLE participant ADD COLUMN edited_fields TEXT NOT NULL DEFAULT '';
  `);
  const phones = db.prepare('SELECT id, phone FROM participant WHERE phone IS NOT NULL').all() as { id: number; phone: string }[];
  const set = db.prepare('UPDATE participant SET phone = ? WHERE id = ?');
  for (const r of phones) if (toNational(r.phone) !== r.phone) set.run(toNational(r.phone), r.id);
}
