import { useEffect, useRef, useState } from 'react';

/**
 * Loads `load()` now and every `everyMs` while the screen is open, so the dashboard follows the
 * desk's scanning. A reply that arrives after a newer one started is dropped (stale guard); the
 * last good value stays on screen when a refresh fails.
 */
export function useLive<T>(load: () => Promise<T>, deps: unknown[], everyMs = 5000): { value: T | null; error: unknown; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const mine = ++seq.current;
    load().then(
      (v) => mine === seq.current && (setValue(v), setError(null)),
      (e: unknown) => mine === seq.current && setError(e),
    );
    const t = setTimeout(() => setTick((n) => n + 1), everyMs);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { value, error, reload: () => setTick((n) => n + 1) };
}
