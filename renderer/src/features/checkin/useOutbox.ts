import { useCallback, useEffect, useRef, useState } from 'react';
import { flush, waitingCount } from './outbox';
import { inElectron } from '../../api';
import { reportOutbox } from '../../desk-session';

/** While scans wait, the desk tries the hub again this often. */
const RETRY_MS = 3000;

/**
 * The desk's outbox on screen (issue 19, item 3): how many scans wait, whether the hub answered
 * the last try, and `kick` to send now. In Electron the kiosk is the hub itself: no outbox.
 */
export function useOutbox(onSent: () => void) {
  const [waiting, setWaiting] = useState(0);
  const [offline, setOffline] = useState(false);
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
    // Offline when the hub did not answer, or when scans still wait behind one that failed.
    setOffline(r.stopped);
    if (r.sent.length) sent.current();
  }, []);
  useEffect(() => {
    if (inElectron()) return;
    void kick();
    const id = setInterval(() => void kick(), RETRY_MS);
    const now = () => void kick();
    window.addEventListener('online', now);
    return () => (clearInterval(id), window.removeEventListener('online', now));
  }, [kick]);
  return { waiting, offline, setOffline, setWaiting, kick };
}
