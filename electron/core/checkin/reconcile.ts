// Reconciliation (issue 19, items 5 and 6): from the scan log, the cases where a desk's verdict
// and what the kiosk stored may disagree, for the committee to look at and sign off. Nothing is
// written: one attendance per person per day already stands by the log's rule (the earliest ok
// row not taken back), and every scan stays in the log. This only finds what needs a human eye.
import { parseBadgeText } from '../../shared/badge-payload';
import type {
  CaseScan,
  DeskShown,
  Reconciliation,
  ReconciliationCase,
  ReconciliationCounts,
} from '../../shared/reconciliation';
import { localTime, type TimeZone } from '../../shared/time-zone';
import { findReplacedCode } from '../../db/repositories/badges';
import { participantById } from '../../db/repositories/checkin';
import { lateScanCount, reconRows, type ReconRow } from '../../db/repositories/reconciliation';
import { standingCheckin } from '../../db/repositories/scans';
import type { Db } from '../../db/connection';

/** Who an old (replaced) badge belonged to, and the check-in standing for someone on a day. */
export interface ReconLookups {
  replacedOwner: (code: string) => { id: number; name: string; code: string; regency: string | null } | null;
  standing: (participantId: number, dayId: number) => { scannedAt: string; station: string } | null;
}

const LATE_REFUSED: Record<string, ReconciliationCase['kind']> = {
  replaced: 'badge_replaced',
  other_event: 'badge_other_event',
  unknown: 'refused',
  wrong_day: 'refused',
  not_a_badge: 'refused',
};

/** What the desk showed: its provisional verdict for a late scan, else the colour of the log's verdict. */
const shownOf = (r: ReconRow): DeskShown =>
  r.shown ?? (r.verdict === 'ok' ? 'green' : r.verdict === 'duplicate' ? 'amber' : 'red');

/**
 * The cases, in the order of the log. `touching`: only the cases with one of these scans (an
 * event-file merge shows the cases its check-ins made).
 */
export function reconcileRows(rows: ReconRow[], zone: TimeZone, look: ReconLookups, touching?: Set<string>): ReconciliationCase[] {
  const time = (iso: string) => localTime(new Date(iso), zone);
  const groups = new Map<string, ReconRow[]>();
  const loose: ReconRow[] = [];
  for (const r of rows) {
    if (r.participantId !== null && r.eventDayId !== null) {
      const k = `${r.participantId}:${r.eventDayId}`;
      groups.get(k)?.push(r) ?? groups.set(k, [r]);
    } else loose.push(r);
  }
  const scanOf = (r: ReconRow, standsId: number | null): CaseScan => ({
    uuid: r.uuid,
    desk: r.station,
    at: r.scannedAt,
    time: time(r.scannedAt),
    receivedAt: r.receivedAt,
    receivedTime: r.receivedAt === null ? null : time(r.receivedAt),
    shown: shownOf(r),
    logged: r.verdict,
    stands: r.id === standsId,
  });
  const standsOf = (pid: number | null, did: number | null) => {
    const s = pid !== null && did !== null ? look.standing(pid, did) : null;
    return s ? { desk: s.station, at: s.scannedAt, time: time(s.scannedAt) } : null;
  };
  const cases: (ReconciliationCase & { first: number })[] = [];

  for (const g of groups.values()) {
    // The standing row, by the attendance rule: the earliest ok row no undo follows.
    const standing = g.find((s) => s.verdict === 'ok' && !g.some((u) => u.verdict === 'undo' && u.id > s.id)) ?? null;
    // Check-ins a desk showed as made: an ok row (unless its own desk took it back: an operator
    // undoing the wrong person is not a double), or a late duplicate, which the desk showed as
    // "Hadir — belum terkirim" while someone else had already checked the person in.
    const counted = g.filter(
      (r) =>
        (r.verdict === 'ok' && !g.some((u) => u.verdict === 'undo' && u.id > r.id && u.station === r.station)) ||
        (r.verdict === 'duplicate' && r.receivedAt !== null),
    );
    const desks = new Set(counted.map((r) => r.station));
    const oks = counted.filter((r) => r.verdict === 'ok').length;
    // One desk that saw the same person twice while offline is a repeat, not a double; two ok
    // rows (two laptops, perhaps both called "Meja 1", merged) always are.
    const first = g[0]!;
    const person = { id: first.participantId!, name: first.name ?? '', code: first.code ?? '', regency: first.regency };
    if (counted.length >= 2 && (desks.size >= 2 || oks >= 2)) {
      cases.push({
        kind: 'double',
        person,
        rawCode: first.code ?? '',
        dayNo: first.dayNo,
        date: first.date,
        scans: counted.map((r) => scanOf(r, standing?.id ?? null)),
        stands: standing ? { desk: standing.station, at: standing.scannedAt, time: time(standing.scannedAt) } : null,
        first: counted[0]!.id,
      });
    }
    for (const r of g) {
      const kind = r.receivedAt !== null ? LATE_REFUSED[r.verdict] : undefined;
      if (kind)
        cases.push({ kind, person, rawCode: r.rawCode, dayNo: r.dayNo, date: r.date, scans: [scanOf(r, null)], stands: standsOf(r.participantId, r.eventDayId), first: r.id });
    }
  }
  for (const r of loose) {
    const kind = LATE_REFUSED[r.verdict];
    if (!kind) continue;
    // An old badge names no one in the log (its row has no participant): the reissue says whose it was.
    const read = parseBadgeText(r.rawCode);
    const owner = r.verdict === 'replaced' && read.kind !== 'not_a_badge' ? look.replacedOwner(read.code) : null;
    cases.push({
      kind,
      person: owner,
      rawCode: read.kind === 'not_a_badge' ? r.rawCode.slice(0, 40) : read.code,
      dayNo: r.dayNo,
      date: r.date,
      scans: [scanOf(r, null)],
      stands: standsOf(owner?.id ?? null, r.eventDayId),
      first: r.id,
    });
  }
  return cases
    .filter((c) => !touching || c.scans.some((s) => touching.has(s.uuid)))
    .sort((a, b) => (a.dayNo ?? 0) - (b.dayNo ?? 0) || a.first - b.first)
    .map(({ first: _f, ...c }) => c);
}

export function countCases(cases: ReconciliationCase[], sentLate: number): ReconciliationCounts {
  const counts: ReconciliationCounts = { double: 0, badge_replaced: 0, badge_other_event: 0, refused: 0, total: cases.length, sentLate };
  for (const c of cases) counts[c.kind]++;
  return counts;
}

/** The event's reconciliation, read from its scan log. */
export function reconcile(db: Db, eventId: number, zone: TimeZone, touching?: Set<string>): Reconciliation {
  const look: ReconLookups = {
    replacedOwner: (code) => {
      const r = findReplacedCode(db, eventId, code);
      if (!r) return null;
      const p = participantById(db, eventId, r.participantId);
      return { id: r.participantId, name: r.participantName, code: r.currentCode, regency: p?.regency ?? null };
    },
    standing: (pid, did) => standingCheckin(db, pid, did),
  };
  const cases = reconcileRows(reconRows(db, eventId), zone, look, touching);
  return { eventId, cases, counts: countCases(cases, lateScanCount(db, eventId)) };
}
