import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinStats } from '../../../../electron/shared/checkin';
import { api } from '../../api';
import { useLiveChanges } from '../../live';

/** Other desks check people in too: the counters are read again this often. */
const POLL_MS = 5000;
/**
 * After a verdict the counters are read once the scanning pauses this long: a handheld scanner
 * can read badges faster than the counters are computed (about 10 ms for 10,000 participants),
 * and the next check-in must not wait behind them on the kiosk's one database thread.
 */
const SETTLE_MS = 500;

/**
 * The desk's live counters. Read after each verdict and every few seconds; a reply that arrives
 * after a newer request was sent is dropped, so the figures never step backwards.
 */
export function useStats(eventId: number, day: number | null) {
  const [data, setData] = useState<CheckinStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(0);

  const refresh = useCallback(() => {
    const n = ++asked.current;
    api('checkin.stats', { eventId, day }).then(
      (s) => n === asked.current && (setData(s), setError(null)),
      (e) => n === asked.current && setError(e),
    );
  }, [eventId, day]);

  const settle = useRef(0);
  const refreshSoon = useCallback(() => {
    clearTimeout(settle.current);
    settle.current = window.setTimeout(refresh, SETTLE_MS);
  }, [refresh]);

  // A check-in at any desk: read again (live.ts coalesces a burst; within 2 s).
  useLiveChanges(eventId, refresh);

  useEffect(() => {
    refresh();
    const id = setInterval(refresh, POLL_MS);
    return () => (clearInterval(id), clearTimeout(settle.current));
  }, [refresh]);

  return { data, error, refresh, refreshSoon };
}
