import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { findReplacedCode } from '../../electron/db/repositories/badges';
import { participantByCode } from '../../electron/db/repositories/checkin';
import { dayHasScans } from '../../electron/db/repositories/events';
import { standingCheckin } from '../../electron/db/repositories/scans';
import { openContext } from '../../electron/core/open-context';
import { ok, PSM_EVENT, RESOURCES, tempCtx } from '../helpers/ctx';

// The plans of the statements check-in really runs, captured as the repositories prepare them:
// no copy of their SQL here that could drift from the code.

interface Ran {
  sql: string;
  args: unknown[];
}

/**
 * Runs `fn` and returns every statement it executed on ctx.db, with its arguments. Statements
 * are prepared once per connection (db/connection.ts stmt), so give it a connection that has
 * not run them yet (fresh()).
 */
async function captured(ctx: Ctx, fn: () => unknown): Promise<Ran[]> {
  const db = ctx.db;
  const prepare = db.prepare.bind(db);
  const ran: Ran[] = [];
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    const methods = st as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['get', 'all', 'run', 'iterate']) {
      const f = methods[m]!.bind(st);
      methods[m] = (...args: unknown[]) => (ran.push({ sql, args }), f(...args));
    }
    return st;
  }) as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return ran;
}

/** EXPLAIN QUERY PLAN of a captured statement, one line per step. */
const planOf = (ctx: Ctx, r: Ran) =>
  (ctx.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail);

/** Another connection to the same kiosk file, with no statement prepared yet. */
const fresh = (ctx: Ctx) => openContext(ctx.dataDir, 'web', RESOURCES, { actor: 'test' });

/** A kiosk with two events (codes are unique per event, not per kiosk) and check-ins on the log. */
async function kiosk() {
  const ctx = tempCtx();
  await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Acara lain' });
  const event = await ok(ctx, 'event.create', PSM_EVENT);
  const desk = { eventId: event.id, desk: 'Meja 1' };
  const people = [];
  for (const name of ['Rina Marlina', 'Joko Susilo', 'Dewi Lestari']) {
    people.push(await ok(ctx, 'participants.create', { ...desk, name, role: 'Peserta' }));
  }
  const day = event.days[0]!;
  for (const p of people.slice(0, 2)) await ok(ctx, 'checkin.scan', { ...desk, text: p.code, day: 1 });
  return { ctx: fresh(ctx), event, desk, day, people };
}

describe('query plans of the check-in lookups', () => {
  it('finds a badge code within its event through the (event_id, code) index', async () => {
    const { ctx, event, people } = await kiosk();
    const [r] = await captured(ctx, () => participantByCode(ctx.db, event.id, people[0]!.code));
    expect(planOf(ctx, r!)).toEqual(['SEARCH participant USING INDEX sqlite_autoindex_participant_1 (event_id=? AND code=?)']);
  });

  it("finds today's check-in of a participant through the (participant_id, event_day_id) index", async () => {
    const { ctx, day, people } = await kiosk();
    const [r] = await captured(ctx, () => standingCheckin(ctx.db, people[0]!.id, day.id));
    const plan = planOf(ctx, r!);
    expect(plan[0]).toBe('SEARCH s USING INDEX scan_participant_day (participant_id=? AND event_day_id=?)');
    expect(plan.join(' | ')).toMatch(
      /SEARCH u USING INDEX scan_participant_day \(participant_id=\? AND event_day_id=\? AND rowid>\?\)/,
    );
  });

  it("finds a replaced badge's code through badge_replaced's key", async () => {
    const { ctx, event } = await kiosk();
    const [r] = await captured(ctx, () => findReplacedCode(ctx.db, event.id, 'ZZZZZZZZ'));
    expect(planOf(ctx, r!)[0]).toMatch(
      /^SEARCH r USING (PRIMARY KEY|INDEX sqlite_autoindex_badge_replaced_1) \(event_id=\? AND code=\?\)$/,
    );
  });

  it('asks whether a day has scans through scan_day (migration 0020), not by reading the log', async () => {
    const { ctx, day } = await kiosk();
    const [r] = await captured(ctx, () => dayHasScans(ctx.db, day.id));
    expect(planOf(ctx, r!)).toEqual(['SEARCH scan USING COVERING INDEX scan_day (event_day_id=?)']);
  });

  it('never reads a whole table that grows with participants or scans, whatever the verdict', async () => {
    const { ctx, desk, people } = await kiosk();
    // Green (Dewi), amber (Rina again), red (unknown code), not a badge (a URL).
    const texts = [people[2]!.code, people[0]!.code, 'ZZZZZZZZ', 'https://example.com/qr'];
    const ran = await captured(ctx, async () => {
      for (const text of texts) await ok(ctx, 'checkin.scan', { ...desk, text, day: 1 });
    });
    // It saw the statements: the code lookup and the standing check-in among them.
    expect(ran.some((r) => /FROM participant WHERE event_id = \? AND code = \?/.test(r.sql))).toBe(true);
    expect(ran.some((r) => /FROM scan s/.test(r.sql))).toBe(true);
    const scans = ran
      .filter((r) => /^\s*(SELECT|WITH)/i.test(r.sql))
      .flatMap((r) => planOf(ctx, r).map((step) => ({ step, sql: r.sql.replace(/\s+/g, ' ').slice(0, 120) })))
      .filter(({ step }) => /^SCAN (participant|scan|badge_replaced|audit)\b/.test(step));
    expect(scans).toEqual([]);
  });
});
