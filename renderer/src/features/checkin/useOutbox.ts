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
    let sentAny = false;
    let answered = false;
    let n = 0;
    try {
      // Twice at most. A scan can be kept while a try is under way (its own request failed while
      // this one asked the hub): when the hub answered, it goes at once, not one retry later.
      for (let round = 0; round < 2; round++) {
        const r = await flush();
        sentAny ||= r.sent.length > 0;
        // The hub answered when it took what was sent; with nothing sent, a small request says.
        answered = !r.stopped && (r.sent.length > 0 || (await hubAnswers()));
        // Counted only now, after every wait of this try: a count read before the hub's answer
        // missed a scan kept meanwhile, and the banner went while that scan still waited (the
        // hub-outbox.spec flake, docs/engineering/hub-outbox-flake.md).
        n = await waitingCount();
        if (!answered || n === 0) break;
      }
    } catch {
      return; // no IndexedDB here (a private window that refuses it): nothing is waiting either
    }
    setWaiting(n);
    reportOutbox(n); // the hub lists it beside the desk (x-hadir-outbox on the next request)
    // The banner stays while anything waits: it is the only place the desk says so.
    setOffline(!answered || n > 0);
    if (sentAny) sent.current();
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
