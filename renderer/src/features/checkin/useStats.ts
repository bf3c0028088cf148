import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinStats } from '../../../../electron/shared/checkin';
import { api } from '../../api';
import { livePushesCounters, useLiveChanges, useLiveCounters } from '../../live';

/** Other desks check people in too: the counters are read again this often. */
const POLL_MS = 5000;
/**
 * After a verdict the counters are read once the scanning pauses this long: a handheld scanner
 * can read badges faster than the counters are computed (about 10 ms for 10,000 participants),
 * and the next check-in must not wait behind them on the kiosk's one database thread.
 */
const SETTLE_MS = 500;

/**
 * The desk's live counters. Where the host's live stream pushes them (issue 19, item 2: a browser
 * desk), they come from the stream after any desk's change, and are read only when the stream was
 * away (reconnect, screen back on), for a day other than the pushed one, or when the host could
 * not count. Otherwise (Electron: no stream) read after each verdict and every few seconds. A
 * reply that arrives after a newer request or push is dropped, so the figures never step backwards.
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
  const readSoon = useCallback(() => {
    clearTimeout(settle.current);
    settle.current = window.setTimeout(refresh, SETTLE_MS);
  }, [refresh]);
  // After a verdict. The desk's own scan comes back pushed, like every other desk's.
  const refreshSoon = useCallback(() => livePushesCounters() || readSoon(), [readSoon]);

  // Pushed counters: shown as they are when they are for this desk's day (today's, or the one the
  // operator chose when it is today's); another day, or none computed: read this desk's own.
  useLiveCounters(eventId, {
    counters: (c) => {
      if (c.stats && (day === null || c.stats.day?.dayNo === day)) {
        ++asked.current;
        setData(c.stats);
        setError(null);
      } else readSoon();
    },
    reopen: refresh,
  });
  // A check-in at any desk, on a stream that does not push counters: read again (coalesced).
  useLiveChanges(eventId, () => {
    if (!livePushesCounters()) refresh();
  });

  useEffect(() => {
    refresh();
    // The poll is the fallback (Electron, a stream away): not while the stream pushes counters.
    const id = setInterval(() => livePushesCounters() || refresh(), POLL_MS);
    return () => (clearInterval(id), clearTimeout(settle.current));
  }, [refresh]);

  return { data, error, refresh, refreshSoon };
}
