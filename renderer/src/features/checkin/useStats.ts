import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinStats } from '../../../../electron/shared/checkin';
import { api } from '../../api';

/** Other desks check people in too: the counters are read again this often. */
const POLL_MS = 5000;

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

  useEffect(() => {
    refresh();
    const id = setInterval(refresh, POLL_MS);
    return () => clearInterval(id);
  }, [refresh]);

  return { data, error, refresh };
}
