import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/**
 * Data a screen shows: `load()` runs on mount and whenever `deps` change (and on `reload()`).
 * Only the newest request's reply is kept: a reply that arrives after a newer request was sent
 * (fast typing in the search box) or after the screen went away is dropped, so an older result
 * never replaces a newer one. `data` keeps the last good value while a new one loads.
 */
export function useOp<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [rev, setRev] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setLoading(true);
    load().then(
      (v) => {
        if (mine !== latest.current) return;
        setData(v);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== latest.current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      // Unmounting or a newer request: this one's reply no longer matters.
      if (latest.current === mine) latest.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's, as for useEffect
  }, [...deps, rev]);
  const reload = useCallback(() => setRev((r) => r + 1), []);
  return { data, error, loading, reload };
}

/**
 * Something the operator does (save, delete, import): `busy` while it runs, `error` kept until
 * the next run or `clear()`. `run` never rejects: it resolves to true, or to false after a
 * failure (which is then in `error`), so no click can leave an unhandled rejection. Do what
 * follows success inside the action itself (`run(async () => onSaved(await api(…)))`).
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const fn = useRef(action);
  fn.current = action;
  const run = useCallback(async (...args: A): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn.current(...args);
      return true;
    } catch (e) {
      if (live.current) setError(e);
      return false;
    } finally {
      if (live.current) setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, setError, clear };
}
