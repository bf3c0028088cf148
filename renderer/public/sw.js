// The desk's offline shell (issue 19, item 3): a phone or laptop desk on the hub whose page is
// reloaded, or whose tab the phone discarded, while the hub is unreachable still opens its
// check-in screen, and scans into its outbox from its snapshot. Network first, always: while the
// hub answers, the desk runs what the hub serves now, and only a failed fetch is answered from
// the copy kept here. Operations (POST /api/...), the live stream and the hub's own routes are
// never touched. Plain JavaScript in renderer/public: served at the root, so its scope is the app.
// CACHE is also named in renderer/src/offline-shell.ts.
const CACHE = 'hadir-shell-v1';

/** The app's own files: its page, its hashed bundles, chunks, worker and WebAssembly, its icon. */
function shellFile(url) {
  if (url.origin !== self.location.origin) return false;
  const p = url.pathname;
  return p === '/' || p === '/index.html' || p === '/print.html' || p === '/favicon.svg' || p.startsWith('/assets/');
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add('/')));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/**
 * How long a file the desk keeps waits for the hub before the copy answers. A hub that is gone
 * usually refuses at once; one that went to sleep, or whose laptop is overloaded, may take the
 * connection and never answer, and the reloaded desk would wait on its blank page for as long as
 * the browser does (minutes). The wait is then given up (and the copy kept as it was): the
 * copy is what the desk last ran, and the next answer in time refreshes it.
 */
const HUB_SILENT_MS = 3000;
/** After one such wait, the rest of the page's files come from the copy at once for this long. */
const SILENT_FOR_MS = 10_000;
let silentUntil = 0;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!shellFile(url)) return;
  // The page itself is kept under '/' whatever its query: one copy of the shell.
  const key = url.pathname === '/' || url.pathname === '/index.html' ? '/' : request;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(key);
      // Network first, always; with no copy yet (the desk's first start), for as long as it takes.
      const stop = new AbortController();
      const network = fetch(request, { signal: stop.signal }).then(async (response) => {
        if (response.ok) await cache.put(key, response.clone());
        return response;
      });
      if (!kept) return network;
      network.catch(() => undefined); // answered from the copy below: its failure is expected
      const wait = Date.now() < silentUntil ? 0 : HUB_SILENT_MS;
      let timer;
      const silent = new Promise((resolve) => (timer = setTimeout(resolve, wait))).then(() => {
        silentUntil = Date.now() + SILENT_FOR_MS;
        stop.abort(); // a held connection is one of the six the browser allows this host
        return kept;
      });
      return Promise.race([network.catch(() => kept), silent]).finally(() => clearTimeout(timer));
    })(),
  );
});
