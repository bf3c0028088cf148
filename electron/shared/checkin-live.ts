import type { CheckinStats } from './checkin';

/**
 * What the live stream pushes after changes (`event: counters`, issue 19 item 2): the day's
 * counters and last scans of one event, exactly as `checkin.stats { eventId, day: null }` answers
 * them, computed once on the hub for every desk. `stats: null`: they could not be computed, the
 * desk reads them itself. `through`: the last change (its seq) they include.
 */
export interface LiveCounters {
  /** Null only with `stats: null` when the event itself could not be read. */
  eventId: number | null;
  stats: CheckinStats | null;
}
