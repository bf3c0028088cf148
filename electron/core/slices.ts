import { performance } from 'node:perf_hooks';

/**
 * Main-thread work in slices: call the returned function often (every row); it yields to the
 * event loop once the current slice has run `ms`, so requests from other desks are answered in
 * between. 8 ms keeps a check-in's wait well under the 50 ms a desk would notice.
 */
export function slicer(ms = 8): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        start = performance.now();
        resolve();
      }),
    );
  };
}
