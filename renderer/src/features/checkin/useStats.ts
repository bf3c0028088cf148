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
 * How long one read of the counters may wait. Without a bound, a hub that takes the connection and
 * never answers (a stalled hub process, a Wi-Fi lost mid-request) held each read's connection until
 * TCP gave up, minutes later, and the poll added one every 5 s: they filled the six connections
 * Chromium allows a host, and the outbox's scans waited behind them until they gave up
 * (docs/engineering/hub-outbox-flake.md). The hub computes them in about 10 ms at 10,000 people
 * and the answer is a few kilobytes: 10 s is a thousand times that, never reached by a hub that
 * answers, and longer than the poll, so a poll that finds its read still waiting skips (below)
 * rather than piling up. The aborted read frees its connection; the next poll asks again.
 */
const STATS_ANSWER_MS = 10_000;

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
  // Reads still waiting for their answer: the poll does not start another beside them.
  const waiting = useRef(0);

  const refresh = useCallback(() => {
    const n = ++asked.current;
    waiting.current++;
    api('checkin.stats', { eventId, day }, { waitMs: STATS_ANSWER_MS })
      .then(
        (s) => n === asked.current && (setData(s), setError(null)),
        (e) => n === asked.current && setError(e),
      )
      .finally(() => waiting.current--);
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
    // The poll is the fallback (Electron, a stream away): not while the stream pushes counters,
    // nor while a read is still waiting (a hub that does not answer gets one request, not one
    // more every 5 s). Reads after a verdict or a change still go: they are bounded too.
    const id = setInterval(() => livePushesCounters() || waiting.current > 0 || refresh(), POLL_MS);
    return () => (clearInterval(id), clearTimeout(settle.current));
  }, [refresh]);

  return { data, error, refresh, refreshSoon };
}
