import { stmt, type Db } from '../connection';
import { FIELDS, type Field, type Participant, type ParticipantInput } from '../../shared/participant';

/** Columns in the order of ParticipantInput, so one helper binds every write. */
const COLS = [
  'external_id', 'name', 'gender', 'regency', 'district', 'institution', 'nik', 'phone', 'email', 'role',
  'nip', 'birth_place', 'birth_date', 'rank', 'position', 'npwp', 'bank', 'account_no',
] as const;
const bind = (p: ParticipantInput) => [
  p.externalId,
  p.name,
  p.gender,
  p.regency,
  p.district,
  p.institution,
  p.nik,
  p.phone,
  p.email,
  p.role,
  p.nip,
  p.birthPlace,
  p.birthDate,
  p.rank,
  p.position,
  p.npwp,
  p.bank,
  p.accountNo,
];

interface Row {
  id: number;
  code: string;
  external_id: string | null;
  name: string;
  gender: 'L' | 'P' | null;
  regency: string | null;
  district: string | null;
  institution: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
  role: string;
  nip: string | null;
  birth_place: string | null;
  birth_date: string | null;
  rank: string | null;
  position: string | null;
  npwp: string | null;
  bank: string | null;
  account_no: string | null;
  deleted_at: string | null;
  edited_fields: string;
  /** "dayNo@first check-in time", comma-separated. */
  days: string | null;
}

const SELECT = `
  SELECT p.*, (
    SELECT group_concat(d.day_no || '@' || a.first_at) FROM attendance a JOIN event_day d ON d.id = a.event_day_id
    WHERE a.participant_id = p.id
  ) AS days
  FROM participant p`;

function toParticipant(r: Row): Participant {
  const presentAt = r.days
    ? r.days
        .split(',')
        .map((x) => ({ dayNo: Number(x.slice(0, x.indexOf('@'))), at: x.slice(x.indexOf('@') + 1) }))
        .sort((a, b) => a.dayNo - b.dayNo)
    : [];
  return {
    id: r.id,
    code: r.code,
    externalId: r.external_id,
    name: r.name,
    gender: r.gender,
    regency: r.regency,
    district: r.district,
    institution: r.institution,
    nik: r.nik,
    phone: r.phone,
    email: r.email,
    role: r.role,
    nip: r.nip,
    birthPlace: r.birth_place,
    birthDate: r.birth_date,
    rank: r.rank,
    position: r.position,
    npwp: r.npwp,
    bank: r.bank,
    accountNo: r.account_no,
    deleted: r.deleted_at !== null,
    daysPresent: presentAt.map((d) => d.dayNo),
    presentAt,
    editedFields: parseEdited(r.edited_fields),
  };
}

export function insertParticipant(
  db: Db,
  eventId: number,
  code: string,
  nameKey: string,
  p: ParticipantInput,
  at: string,
): number {
  return Number(stmt(db, INSERT_SQL).run(eventId, code, nameKey, ...bind(p), at, at).lastInsertRowid);
}
// Built once: an import inserts 50,000 rows, and each string built per row was garbage.
const INSERT_SQL = `INSERT INTO participant(event_id, code, name_key, ${COLS.join(', ')}, created_at, updated_at)
               VALUES (?, ?, ?, ${COLS.map(() => '?').join(', ')}, ?, ?)`;

/** One new participant of a batch (insertParticipants). */
export interface NewParticipant {
  code: string;
  nameKey: string;
  p: ParticipantInput;
}

/**
 * Inserts participants with one statement per INSERT_BATCH rows (and one for the rest). An import
 * of 50,000 rows spent ~2 s of the desks' thread's CPU with one statement per row; one per 50
 * rows takes ~30 % less (issue 21). Each statement names only the columns some row of its batch
 * fills: the others are NULL by default, and binding all 18 where a list fills 3 cost another
 * ~20 % of the insert. Ids are not returned: the import needs none.
 */
export function insertParticipants(db: Db, eventId: number, rows: readonly NewParticipant[], at: string): void {
  const params: unknown[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const values = rows.slice(i, i + INSERT_BATCH).map((r) => ({ r, v: bind(r.p) }));
    const filled = COLS.map((_, c) => values.some(({ v }) => v[c] != null));
    params.length = 0;
    for (const { r, v } of values) {
      params.push(eventId, r.code, r.nameKey);
      for (let c = 0; c < COLS.length; c++) if (filled[c]) params.push(v[c]);
      params.push(at, at);
    }
    stmt(db, insertManySql(values.length, filled)).run(params);
  }
}
export const INSERT_BATCH = 50;
const insertSqls = new Map<string, string>();
/** The INSERT of `n` rows filling the `filled` columns, built once per shape (and prepared once). */
function insertManySql(n: number, filled: boolean[]): string {
  const key = `${n} ${filled.map(Number).join('')}`;
  let sql = insertSqls.get(key);
  if (!sql) {
    const cols = COLS.filter((_, c) => filled[c]);
    const row = `(?, ?, ?, ${cols.map(() => '?, ').join('')}?, ?)`;
    sql = `INSERT INTO participant(event_id, code, name_key, ${cols.map((c) => `${c}, `).join('')}created_at, updated_at)
               VALUES ${Array<string>(n).fill(row).join(', ')}`;
    insertSqls.set(key, sql);
  }
  return sql;
}

export function updateParticipant(db: Db, id: number, nameKey: string, p: ParticipantInput, at: string): void {
  const sql = `UPDATE participant SET name_key = ?, ${COLS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  stmt(db, sql).run(nameKey, ...bind(p), at, id);
}

const parseEdited = (s: string): Field[] => FIELDS.filter((f) => s.split(' ').includes(f));

/**
 * Fields changed in the app's form since the last import that set them: a re-import keeps these
 * unless the organiser takes the file's values (import-commit.ts).
 */
export function setEditedFields(db: Db, id: number, fields: readonly Field[]): void {
  stmt(db, 'UPDATE participant SET edited_fields = ? WHERE id = ?').run(FIELDS.filter((f) => fields.includes(f)).join(' '), id);
}

export function setDeleted(db: Db, id: number, at: string | null): void {
  stmt(db, 'UPDATE participant SET deleted_at = ?, updated_at = COALESCE(?, updated_at) WHERE id = ?').run(at, at, id);
}

export function getParticipant(db: Db, eventId: number, id: number): Participant | null {
  const r = stmt(db, `${SELECT} WHERE p.event_id = ? AND p.id = ?`).get(eventId, id) as Row | undefined;
  return r ? toParticipant(r) : null;
}

/** Taken by a participant now, or by a badge that was replaced (a lost badge's code is never reused). */
export function codeExists(db: Db, eventId: number, code: string): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM participant WHERE event_id = @eventId AND code = @code
       UNION ALL SELECT 1 FROM badge_replaced WHERE event_id = @eventId AND code = @code`,
    ).get({ eventId, code }) !== undefined
  );
}

/**
 * Which of `codes` codeExists() would call taken, in one query: an import draws a code for each
 * new person, and asking 50,000 times cost ~100 ms of the desks' thread (issue 21).
 */
export function takenCodes(db: Db, eventId: number, codes: readonly string[]): Set<string> {
  if (!codes.length) return new Set();
  const rows = stmt(
    db,
    `SELECT j.value FROM json_each(@codes) AS j
     WHERE EXISTS (SELECT 1 FROM participant WHERE event_id = @eventId AND code = j.value)
        OR EXISTS (SELECT 1 FROM badge_replaced WHERE event_id = @eventId AND code = j.value)`,
  )
    .pluck()
    .all({ eventId, codes: JSON.stringify(codes) }) as string[];
  return new Set(rows);
}

export function setCode(db: Db, id: number, code: string, at: string): void {
  stmt(db, 'UPDATE participant SET code = ?, updated_at = ? WHERE id = ?').run(code, at, id);
}

/** The keys a re-import matches on, for the whole event: one query, so 10,000 rows stay fast. */
export function matchRows(db: Db, eventId: number): StoredKeys[] {
  return stmt(
    db,
    'SELECT id, external_id AS externalId, nik, name_key AS nameKey, deleted_at IS NOT NULL AS deleted FROM participant WHERE event_id = ?',
  )
    .all(eventId)
    .map((r) => ({ ...(r as StoredKeys), deleted: Boolean((r as { deleted: number }).deleted) }));
}

/**
 * One page of an event's participants in id order, with their match keys: an import reads the
 * stored list page by page, yielding between pages, instead of in one query that would hold the
 * other desks up while it runs (55,000 rows: ~250 ms).
 */
export function storedPage(
  db: Db,
  eventId: number,
  afterId: number,
  limit: number,
): { keys: StoredKeys; participant: Participant }[] {
  const rows = stmt(
    db,
    'SELECT p.*, NULL AS days FROM participant p WHERE p.event_id = ? AND p.id > ? ORDER BY p.id LIMIT ?',
  ).all(eventId, afterId, limit) as (Row & { name_key: string })[];
  return rows.map((r) => ({
    keys: { id: r.id, externalId: r.external_id, nik: r.nik, nameKey: r.name_key, deleted: r.deleted_at !== null },
    participant: toParticipant(r),
  }));
}

export interface StoredKeys {
  id: number;
  externalId: string | null;
  nik: string | null;
  nameKey: string;
  deleted: boolean;
}

export interface ListFilter {
  /** An FTS5 MATCH expression, already built by the caller; null = no text filter. */
  match: string | null;
  regency?: string | null;
  role?: string | null;
  status: 'all' | 'present' | 'absent';
  dayId?: number | null;
  includeDeleted: boolean;
  /** Only the deleted ones: the "Dihapus" view, from which they can be restored. */
  onlyDeleted?: boolean;
  limit: number;
  offset: number;
}

export function listParticipants(db: Db, eventId: number, f: ListFilter): { rows: Participant[]; total: number } {
  const where: string[] = ['p.event_id = @eventId'];
  if (f.onlyDeleted) where.push('p.deleted_at IS NOT NULL');
  else if (!f.includeDeleted) where.push('p.deleted_at IS NULL');
  if (f.match) where.push('p.id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH @match)');
  if (f.regency) where.push('p.regency = @regency');
  if (f.role) where.push('p.role = @role');
  if (f.status !== 'all') {
    const present = f.dayId
      ? 'EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id AND a.event_day_id = @dayId)'
      : 'EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id)';
    where.push(f.status === 'present' ? present : `NOT ${present}`);
  }
  const params = { eventId, match: f.match, regency: f.regency ?? null, role: f.role ?? null, dayId: f.dayId ?? null };
  const clause = where.join(' AND ');
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM participant p WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = stmt(db, `${SELECT} WHERE ${clause} ORDER BY p.name COLLATE NOCASE, p.id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: f.limit,
    offset: f.offset,
  }) as Row[];
  return { rows: rows.map(toParticipant), total };
}

/** How many participants the event has, apart from any filter: the "of 64" of "2 of 64". */
export function countParticipants(db: Db, eventId: number): { active: number; deleted: number } {
  return stmt(
    db,
    `SELECT COALESCE(SUM(deleted_at IS NULL), 0) AS active, COALESCE(SUM(deleted_at IS NOT NULL), 0) AS deleted
     FROM participant WHERE event_id = ?`,
  ).get(eventId) as { active: number; deleted: number };
}

/** Every participant of the event (not deleted), for exports. */
export function allParticipants(db: Db, eventId: number): Participant[] {
  const rows = stmt(db, `${SELECT} WHERE p.event_id = ? AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id`).all(
    eventId,
  ) as Row[];
  return rows.map(toParticipant);
}

export function distinctRegencies(db: Db, eventId: number): string[] {
  return (
    stmt(
      db,
      `SELECT DISTINCT regency FROM participant WHERE event_id = ? AND deleted_at IS NULL AND regency IS NOT NULL
         ORDER BY regency COLLATE NOCASE`,
    ).all(eventId) as { regency: string }[]
  ).map((r) => r.regency);
}
