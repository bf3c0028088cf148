import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Ctx } from '../core/context';
import { currentVerifyPage } from '../core/certificates/verify-page';
import { verifyPageCsp } from '../core/certificates/verify-html';

/** The address the web host answers verify.html on (a certificate's QR may point here). */
export const VERIFY_PATH = '/verify.html';

/**
 * The kiosk's QR decoder worker in the built renderer (assets/decoder.worker-<hash>.js), as a
 * URL relative to /verify.html, or null when the renderer is not built. The hash changes with
 * every build, so it is looked up, not written down.
 */
export function decoderWorkerUrl(staticDir: string): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(staticDir, 'assets'));
  } catch {
    return null;
  }
  const worker = names.find((n) => /^decoder\.worker-[\w-]+\.js$/.test(n));
  return worker ? `assets/${worker}` : null;
}

/**
 * GET /verify.html: the current event's verify page, as certificates.publicKey exports it, with
 * the camera. No access key: it holds only the public key and the revoked numbers, and checks in
 * the page (the claim sits in the address's # part, which the browser never sends).
 */
export function serveVerifyPage(ctx: Ctx, staticDir: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const decoder = decoderWorkerUrl(staticDir);
  const html = currentVerifyPage(ctx, decoder ? { decoder } : {});
  if (html === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    return res.end('Belum ada kegiatan di kiosk ini. / No event on this kiosk yet.\n');
  }
  const body = Buffer.from(html, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.byteLength),
    'content-security-policy': `${verifyPageCsp(decoder !== null)}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    // A revocation made a minute ago must show: never served from a cache.
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
