// Maps app://hadir/… requests onto files of the built renderer (out/renderer), for app:// in
// Electron (main/protocol.ts) and for the web host alike. Pure (no `electron` import) so
// tests/unit/protocol.test.ts can attack it under Node; its callers only read the file it returns.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * The file to serve for `requestUrl`, or null when the request must be refused.
 * Refused: other schemes and hosts, credentials or ports, backslashes (raw or %5C), NUL and
 * control characters, `..`/`.` segments (also when they only appear after percent-decoding,
 * e.g. `..%2F`), empty segments, drive letters and `:` streams, Windows-rewritten names (see
 * badSegment), and anything that would still resolve outside `rootDir`. `/` maps to index.html, and so does any path whose last segment has no extension,
 * so the renderer can use history routing and survive a reload.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: path.PlatformPath = path): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST) return null;
  if (u.username || u.password || u.port) return null;
  if (requestUrl.includes('\\') || /%5c/i.test(u.pathname)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed escape such as %E0%A4
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(decoded)) return null;

  const rel = decoded.replace(/^\//, '');
  const segments = rel === '' ? [] : rel.split('/');
  if (segments.some(badSegment)) return null;

  const last = segments[segments.length - 1];
  const parts = last === undefined || !last.includes('.') ? ['index.html'] : segments;

  const p = pathApi; // a parameter only so tests can run the Windows rules on Linux
  const root = p.resolve(rootDir);
  const file = p.resolve(root, ...parts);
  const inside = p.relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${p.sep}`) || p.isAbsolute(inside)) return null;
  return file;
}

/**
 * Empty, `.`, `..`, and anything Windows would rewrite into them or into a device: it drops
 * trailing dots and spaces (`.. ` becomes `..`) and treats CON, NUL, COM1… as devices.
 */
function badSegment(s: string): boolean {
  return s === '' || /[. ]$/.test(s) || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  // WebAssembly.instantiateStreaming refuses any other type: the QR decoder depends on this.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every app:// response. The CSP rides along even on non-HTML files; it is harmless there. */
export function appResponseHeaders(file: string, csp: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}
