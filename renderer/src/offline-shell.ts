// A desk on the hub keeps a copy of the app it runs (issue 19, item 3), so a reload while the hub
// is unreachable still opens the check-in screen (renderer/public/sw.js serves it). Only on the
// venue network's HTTPS: Electron loads the app from its own files, and the hub laptop's
// loopback page needs no copy. A browser that does not trust the hub's certificate refuses to
// register the worker (a certificate error): that desk works as before, but a reload needs the
// hub; installing the hub's certificate (the guide says how) is what makes it survive one.
import { inElectron } from './api';

/** The cache sw.js keeps the files in (named there too). */
const CACHE = 'hadir-shell-v1';

export function keepOfflineShell(): void {
  if (inElectron() || location.protocol !== 'https:' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then(() => navigator.serviceWorker.ready)
    .then(async () => {
      // What this page fetched before the worker was there to keep it: its bundles and styles,
      // and whatever chunk, worker or WebAssembly it has loaded since (the camera's decoder).
      const own = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
        .map((u) => u.pathname);
      const cache = await caches.open(CACHE);
      await cache.addAll(['/', ...new Set(own)]);
    })
    .catch(() => undefined);
}

// ---- What the app needs to open before the hub answers ----

/**
 * How long a desk whose page came through the kept shell waits for the hub's settings and event
 * before it opens with the ones it kept. A hub that refuses fails at once; one that took the
 * connection and went silent (asleep, overloaded) would otherwise hold the desk on a blank page
 * for as long as the browser waits (minutes).
 */
export const BOOT_ANSWER_MS = 4000;

/** True when a service worker serves this page: it may have come from the copy, with no hub. */
export function servedByShell(): boolean {
  return !inElectron() && 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

const BOOT_ITEM = 'hadir.boot';

/** The settings and event this desk last opened with, kept for a start while the hub is unreachable. */
export function keepBoot<T>(boot: T): void {
  if (inElectron()) return;
  try {
    localStorage.setItem(BOOT_ITEM, JSON.stringify(boot));
  } catch {
    // storage full or refused: the desk only loses its offline start
  }
}

export function keptBoot<T>(): T | null {
  if (inElectron()) return null;
  try {
    const raw = localStorage.getItem(BOOT_ITEM);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
