import { useCallback, useEffect, useRef, useState } from 'react';
import { flush, waitingCount } from './outbox';
import { api, ApiError, inElectron } from '../../api';
import { reportOutbox } from '../../desk-session';

/** While scans wait, the desk tries the hub again this often. */
const RETRY_MS = 3000;

/**
 * The desk's outbox on screen (issue 19, item 3): how many scans wait, whether the hub answered
 * the last try, and `kick` to send now. In Electron the kiosk is the hub itself: no outbox.
 */
export function useOutbox(onSent: () => void) {
  const [waiting, setWaiting] = useState(0);
  // Since when the hub has not answered (ISO), or null. An idle desk asks it every few seconds,
  // so a desk offline before anyone scans says so too, with the time it was lost (issue 19).
  const [since, setSince] = useState<string | null>(null);
  const setOffline = useCallback((v: boolean) => setSince((prev) => (v ? (prev ?? new Date().toISOString()) : null)), []);
  const sent = useRef(onSent);
  sent.current = onSent;
  const kick = useCallback(async () => {
    if (inElectron()) return;
    let r, n;
    try {
      r = await flush();
      n = await waitingCount();
    } catch {
      return; // no IndexedDB here (a private window that refuses it): nothing is waiting either
    }
    setWaiting(n);
    reportOutbox(n); // the hub lists it beside the desk (x-hadir-outbox on the next request)
    // Offline when the hub did not answer, or when scans still wait behind one that failed;
    // with nothing to send, a small request says whether the hub is there.
    setOffline(r.stopped || (n === 0 && r.sent.length === 0 && !(await hubAnswers())));
    if (r.sent.length) sent.current();
  }, [setOffline]);
  useEffect(() => {
    if (inElectron()) return;
    void kick();
    const id = setInterval(() => void kick(), RETRY_MS);
    const now = () => void kick();
    window.addEventListener('online', now);
    return () => (clearInterval(id), window.removeEventListener('online', now));
  }, [kick]);
  return { waiting, offline: since !== null, since, setOffline, setWaiting, kick };
}

/** Whether the hub answers at all (any answer counts, a refusal too; only no answer does not). */
async function hubAnswers(): Promise<boolean> {
  try {
    await api('app.info', {});
    return true;
  } catch (e) {
    return !(e instanceof ApiError && e.error.code === 'host_unreachable');
  }
}
