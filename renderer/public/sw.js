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
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(key, response.clone());
        return response;
      } catch (error) {
        const kept = await cache.match(key);
        if (kept) return kept;
        throw error;
      }
    })(),
  );
});
