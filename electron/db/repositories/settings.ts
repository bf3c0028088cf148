import { stmt, type Db } from '../connection';

export function getSetting(db: Db, key: string): string | undefined {
  const row = stmt(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
