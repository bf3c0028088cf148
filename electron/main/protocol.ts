// Serves the built renderer from app://hadir/ (ELECTRON-NOTES 2). A secure, standard scheme
// gives the page a real origin, so module scripts, fetch() of the QR decoder's .wasm and a
// strict CSP behave as in a browser, which they do not on file://.
import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { appResponseHeaders, resolveAppPath } from '../host/app-path';
import { APP_SCHEME } from '../host/app-origin';
import { printJobToken, type PrintJobs } from './print-jobs';

/** The app:// scheme's privileges. `stream`: audio and video served through a custom scheme need it. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

/**
 * Must run before app `ready`. No `corsEnabled`: the app only loads its own origin, and that
 * privilege would let other origins read app:// responses.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * After `ready`: answer app:// requests with files from `rendererDir` (out/renderer) only, and
 * app://hadir/print-jobs/<token> with a PDF waiting to be printed (print.ts), once.
 */
export function serveAppScheme(rendererDir: string, csp: string, printJobs: PrintJobs): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const token = printJobToken(request.url);
    if (token) {
      const pdf = printJobs.take(token);
      if (!pdf) return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(pdf), { status: 200, headers: appResponseHeaders('job.pdf', csp) });
    }
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file); // works inside app.asar too: Electron patches fs
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(file, csp),
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
