import fs from 'node:fs';
import http from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Ctx } from '../core/context';
import { withActor } from '../core/context';
import { dispatch, isOpName } from '../core/dispatch';
import { toOpError } from '../core/op-error';
// The host modules the Electron shell uses too: the web host serves files with the same
// traversal guard and the same CSP as app://, so browser tests run under the kiosk's rules.
import { APP_ORIGIN } from '../host/app-origin';
import { appResponseHeaders, resolveAppPath } from '../host/app-path';
import { contentSecurityPolicy } from '../host/csp';
import { isLoopbackAddress, isLoopbackHost } from '../host/loopback';
import { accessKeyProblem } from '../shared/access-key';
import { sameAccessKey, WrongKeyGuard } from './access-key';
import { MAX_UPLOAD_BYTES } from '../shared/file';
import type { ErrorCode, Result } from '../shared/result';
import { tooLargeFor } from './too-large';
import { serveVerifyPage, VERIFY_PATH } from './verify-route';
import type { Hub } from './hub';
import { DESK_REFUSALS, hubRoute } from './hub-routes';
import type { DeskEntry } from './hub-desks';
import { LIVE_SEQ_HEADER, LiveFeed } from './live';
import { DESK_OUTBOX_HEADER, DESK_TOKEN_HEADER, roleAllows, type DeskRole } from '../shared/desk-roles';
import { standingDesk } from '../core/checkin/undo-owner';
import { stampDesk } from './desk-stamp';
import { fixedHub } from './hub-fixed';
import {
  BYTES_TYPE,
  INPUT_HEADER,
  RESULT_HEADER,
  WireError,
  decodeHeader,
  encodeHeader,
  joinBytes,
  splitBytes,
} from '../shared/wire';

export interface WebHostOptions {
  ctx: Ctx;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /**
   * Bound to loopback (the default): only accept requests addressed to this computer by name
   * (Host: 127.0.0.1 / localhost). A DNS-rebinding page (Host: evil.example, resolving to
   * 127.0.0.1) is then refused even though its Origin matches its own Host.
   */
  loopbackOnly?: boolean;
  /**
   * Required on every operation when set (header `x-hadir-key`). The host sets one whenever it
   * listens beyond this computer: participants' NIK and phone numbers must not be readable by
   * anyone on the hotel Wi-Fi. Static files need no key; they hold no data.
   */
  accessKey?: string;
  /**
   * Open to the venue network as a hub (issue 19): the key is read from here on every request
   * (the hub screen's "new key" replaces it), plain HTTP from another computer is redirected to
   * HTTPS, and the hub routes (hub-routes.ts) answer. Overrides `accessKey`.
   */
  hub?: Hub;
  /**
   * The kiosk's own "open to other desks" switch (hub-switch.ts) when this host is the kiosk's
   * loopback one: its live feed is shared with the LAN listener it opens (desks and kiosk hear each
   * other), and the kiosk's desk is listed on the hub screen.
   */
  hubSwitch?: { live: LiveFeed; sawDesk(name: string, address: string): void };
}

/**
 * A binary body is one file and nothing else (wire.ts): the upload limit itself. A JSON body
 * never carries a file any more; 1 MB is far above the largest input (a list of a few thousand
 * participant ids). Anything larger is refused before it is read.
 */
const MAX_BYTES_BODY = MAX_UPLOAD_BYTES;
const MAX_JSON_BODY = 1024 * 1024;

const CSP = contentSecurityPolicy(false);

/**
 * The same operations as the Electron IPC, over HTTP: POST /api/<operation> with a JSON body,
 * answered with the same Result envelope. It exists so the real UI can be driven in a plain
 * browser (tests on machines without Electron) and, later, by extra desks on the venue network.
 */
export function createWebHost(options: WebHostOptions): http.Server {
  return http.createServer(webHandler(options));
}

/** The request handler of the web host, for a plain HTTP server or a hub's two (hub.ts). */
export function webHandler({ ctx, staticDir, loopbackOnly = true, accessKey: fixedKey, hub, hubSwitch }: WebHostOptions): http.RequestListener {
  const accessKey = hub ? hub.key : fixedKey;
  // main.ts refuses to start so, with a message; this is the fence for any other caller.
  if (!loopbackOnly && (accessKey === undefined || accessKeyProblem(accessKey))) {
    throw new Error(
      `A web host beyond loopback needs a usable access key (${accessKey === undefined ? 'none' : accessKeyProblem(accessKey)})`,
    );
  }
  // A hub started from the command line (`--host`, or a test) answers its screen's hub.* operations
  // as always on; the kiosk's own switch (hub-switch.ts) has put itself on the context already.
  if (hub && !ctx.hub) ctx = Object.create(ctx, { hub: { value: fixedHub(hub, ctx), enumerable: true } }) as Ctx;
  const guard = new WrongKeyGuard((address, failures) => ctx.log.warn({ address, failures }, 'wrong access key'));
  const live = hub?.live ?? hubSwitch?.live ?? new LiveFeed();
  // The day's counters go out with the changes, computed once for every desk (issue 19, item 2).
  live.countFrom(ctx);
  return (req, res) => {
    if (loopbackOnly && !isLoopbackHost(hostName(req.headers.host))) {
      return send(res, 403, fail('forbidden', 'This kiosk answers only on 127.0.0.1'));
    }
    // Plain HTTP carries data to this computer only: a desk on the venue network that opened the
    // http:// link is sent to the same address over HTTPS (the browser keeps the #key part).
    if (hub && !encrypted(req) && !isLoopbackAddress(req.socket.remoteAddress)) {
      res.writeHead(308, { location: `https://${req.headers.host ?? ''}${req.url ?? '/'}`, 'cache-control': 'no-store' });
      return res.end();
    }
    const key = hub ? hub.key : accessKey;
    handle(ctx, staticDir, key, guard, live, hub, hubSwitch, req, res).catch((e) => {
      // Logged with a reference; the response carries the reference, never the message or stack.
      const error = toOpError(e, ctx.log, `web ${req.method} ${req.url?.split('?')[0]}`);
      if (!res.headersSent) send(res, 500, { ok: false, error });
      else res.destroy();
    });
  };
}

async function handle(
  ctx: Ctx,
  staticDir: string,
  accessKey: string | undefined,
  guard: WrongKeyGuard,
  live: LiveFeed,
  hub: Hub | undefined,
  hubSwitch: WebHostOptions['hubSwitch'],
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://host');
  // The hub's certificate is public (a desk installs it before it has the key).
  if (hub && req.method === 'GET' && url.pathname === '/hub/certificate') return hubRoute.certificate(hub, res);
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/hub/')) {
    // A page on another site must not drive the kiosk through the visitor's browser (CSRF,
    // DNS rebinding): only same-origin requests, or ones without an Origin (curl, tests).
    if (!sameOrigin(req)) return send(res, 403, fail('forbidden', 'Cross-origin request refused'));
    // The live stream is an EventSource, which cannot send headers: its key is in the query.
    const given = url.pathname === '/api/live' ? url.searchParams.get('key') : req.headers['x-hadir-key'];
    if (accessKey !== undefined && !sameAccessKey(given, accessKey)) {
      // A key given and wrong is slowed down and logged per address (access-key.ts); a request
      // without one (a page opened without the #key part) is simply refused.
      if (given) await guard.refuse(req.socket.remoteAddress ?? '?');
      return send(res, 401, fail('access_key', 'Access key missing or wrong'));
    }
    const address = req.socket.remoteAddress ?? '?';
    const local = isLoopbackAddress(req.socket.remoteAddress);
    // Who is asking (issue 19, item 7): the hub laptop itself is the organiser; a desk on the
    // venue network is who its token says (joined with the key, check-in only unless the
    // organiser's PIN was given). A host that is not a hub serves this computer only: organiser.
    let access: { role: DeskRole; desk?: DeskEntry } = { role: 'organiser' };
    if (hub) {
      const given = url.pathname === '/api/live' ? url.searchParams.get('desk') : req.headers[DESK_TOKEN_HEADER];
      const token = typeof given === 'string' ? given : null;
      const desk = local ? undefined : hub.registry.find(token);
      if (desk?.revoked) return send(res, 401, fail('access_key', DESK_REFUSALS.revoked, { deskRevoked: 1 }));
      if (url.pathname === '/hub/join') {
        if (req.method !== 'POST') return send(res, 405, fail('invalid_input', 'Use POST'));
        const a = hubRoute.join(hub, ctx, local, desk, token, await smallJson(req), address);
        return send(res, a.status, a.body);
      }
      if (!local) {
        if (!desk) return send(res, 401, fail('access_key', DESK_REFUSALS.join, { deskJoin: 1 }));
        const outbox = Number(req.headers[DESK_OUTBOX_HEADER]);
        hub.registry.touch(desk, address, Number.isInteger(outbox) && outbox >= 0 ? outbox : null);
        access = { role: desk.role, desk };
      }
    }
    if (!hub && url.pathname === '/hub/pin' && req.method === 'POST') {
      // The kiosk's own host (its switch opens the LAN listener): the hub screen's PIN card.
      const a = await hubRoute.pin(ctx, await smallJson(req));
      return send(res, a.status, a.body);
    }
    if (!hub && url.pathname === '/hub/join' && req.method === 'POST') {
      // A host that is not a hub serves this computer: the organiser, no token (a 404 here would
      // be a console error on every desk page).
      const a = hubRoute.join(undefined, ctx, true, undefined, null, await smallJson(req), address);
      return send(res, a.status, a.body);
    }
    if (url.pathname === '/api/live' && req.method === 'GET') return live.attach(req, res, access.desk?.id);
    if (url.pathname.startsWith('/hub/')) {
      if (req.method !== 'POST') return send(res, 405, fail('invalid_input', 'Use POST'));
      // What only the hub laptop itself may see or do: the key as a QR code, a new key, the desks.
      if (!hub) return send(res, 404, fail('not_found', 'This host is not open to other desks (--host)'));
      if (!local) return send(res, 403, fail('forbidden', 'Only on the hub laptop itself (127.0.0.1)'));
      const a = await hubRoute.post(hub, ctx, url.pathname.slice('/hub/'.length), await smallJson(req));
      return send(res, a.status, a.body);
    }
    const name = url.pathname.slice('/api/'.length);
    if (req.method !== 'POST') return send(res, 405, fail('invalid_input', 'Use POST'));
    if (!isOpName(name)) return send(res, 404, fail('not_found', `Unknown operation: ${name}`));
    const binary = (req.headers['content-type'] ?? '').startsWith(BYTES_TYPE);
    const max = binary ? MAX_BYTES_BODY : MAX_JSON_BODY;
    const body = await readBody(req, max);
    if (body === null) {
      // Worded for the operation asked (too-large.ts): an import says the file is larger than
      // the upload limit, a logo that it is larger than a logo may be, a list query that the
      // request is too large. It was import_too_large for everything.
      const bytes = Number(req.headers['content-length'] ?? 0) || max + 1;
      // The rest of the body is never read: the connection ends after this answer.
      res.setHeader('connection', 'close');
      return send(res, 413, { ok: false, error: tooLargeFor(name, bytes, max, headerInput(req)) });
    }
    let input: unknown;
    try {
      if (binary) {
        const meta = req.headers[INPUT_HEADER];
        input = joinBytes(
          typeof meta === 'string' ? decodeHeader(meta) : '{}',
          new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        );
      } else {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      }
    } catch (e) {
      return send(res, 400, fail('invalid_input', e instanceof WireError ? e.message : 'Body is not valid JSON'));
    }
    if (!roleAllows(access.role, name, input)) {
      return send(res, 403, fail('forbidden', DESK_REFUSALS.checkinOnly(name), { checkinOnly: 1 }));
    }
    // The hub itself (its key, desks, the switch) is the hub laptop's: an organiser desk on the
    // venue network cannot close the hub under the other desks, nor read or renew the key.
    if (hub && !local && name.startsWith('hub.')) {
      return send(res, 403, fail('forbidden', DESK_REFUSALS.hubLaptopOnly, { hubLaptopOnly: 1 }));
    }
    // A desk records under the name it joined with, in every desk field the contract has (a job's
    // input too, desk-stamp.ts): the log cannot be written in another desk's name.
    if (access.desk) stampDesk(name, input, access.desk.name);
    if (access.role === 'checkin' && name === 'checkin.undo' && !ownScan(ctx, input, access.desk!.name)) {
      return send(res, 403, fail('forbidden', DESK_REFUSALS.notOwnScan, { notOwnScan: 1 }));
    }
    const actor = `web:${address}`;
    const result = await dispatch(withActor(ctx, actor), name, input);
    const seq = live.published(name, input, result.ok);
    if (seq !== null) res.setHeader(LIVE_SEQ_HEADER, String(seq));
    const desk = (input as { desk?: unknown } | null)?.desk;
    if (hub && !access.desk && typeof desk === 'string') hub.sawDesk(desk.slice(0, 40), address);
    if (!hub && hubSwitch && result.ok && typeof desk === 'string') hubSwitch.sawDesk(desk, address);
    return sendResult(res, result);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, fail('invalid_input', 'Method not allowed'));
  if (url.pathname === VERIFY_PATH) return serveVerifyPage(ctx, staticDir, req, res);
  const file = resolveAppPath(staticDir, `${APP_ORIGIN}${url.pathname}`);
  if (!file) return send(res, 400, fail('forbidden', 'Bad path'));
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    const built = fs.existsSync(resolveAppPath(staticDir, `${APP_ORIGIN}/`)!);
    return send(res, built ? 404 : 503, fail('not_found', built ? 'Not found' : 'Renderer not built: run `npm run build`'));
  }
  res.writeHead(200, appResponseHeaders(file, CSP));
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(file).pipe(res);
}

/** Whether the scan an undo would take back was made by `desk` (a check-in-only desk undoes its own only). */
function ownScan(ctx: Ctx, input: unknown, desk: string): boolean {
  const i = input as { eventId?: unknown; participantId?: unknown; day?: unknown } | null;
  if (typeof i?.eventId !== 'number' || typeof i.participantId !== 'number' || typeof i.day !== 'number') return true; // refused by validation
  const by = standingDesk(ctx, { eventId: i.eventId, participantId: i.participantId, day: i.day });
  return by === null || by === desk; // nothing standing: the operation says so itself
}

/** A hub route's small JSON body ({} when empty or not JSON: the route's schema refuses it). */
async function smallJson(req: http.IncomingMessage): Promise<unknown> {
  const body = await readBody(req, 4096);
  try {
    return body?.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return {};
  }
}

/** The JSON part of a binary request (wire.ts), or undefined when there is none or it is not JSON. */
function headerInput(req: http.IncomingMessage): unknown {
  const meta = req.headers[INPUT_HEADER];
  if (typeof meta !== 'string') return undefined;
  try {
    return JSON.parse(decodeHeader(meta));
  } catch {
    return undefined;
  }
}

function hostName(host: string | undefined): string {
  try {
    return new URL(`http://${host ?? ''}`).hostname;
  } catch {
    return '';
  }
}

/** The request came over TLS (a hub's HTTPS side). */
const encrypted = (req: http.IncomingMessage) => (req.socket as TLSSocket).encrypted === true;


/**
 * The page's origin is this host: scheme and host both. The scheme is the one this request came
 * over (http, or https on a hub), so an https:// origin with the same host name talking to the
 * plain side (or the reverse) is another origin, and refused.
 */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const u = new URL(origin);
    return u.protocol === (encrypted(req) ? 'https:' : 'http:') && u.host === req.headers.host;
  } catch {
    return false;
  }
}

/** Constant-time comparison, so the key cannot be guessed one character at a time from timings. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Nothing more is read or kept; the answer goes out and the connection then closes
        // (see handle). Destroying the request here lost the answer with it: a client sending a
        // body without a declared length got a reset connection instead of the worded refusal.
        chunks.length = 0;
        req.pause();
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const fail = (code: ErrorCode, message: string, params?: Record<string, number>): Result<never> => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});

/** A Result holding a file goes out as the file's bytes, its JSON in a header (wire.ts). */
function sendResult(res: http.ServerResponse, result: Result<unknown>) {
  const { json, bytes } = splitBytes(result);
  if (!bytes) return send(res, 200, result);
  res.writeHead(200, {
    'content-type': BYTES_TYPE,
    'content-length': String(bytes.byteLength),
    [RESULT_HEADER]: encodeHeader(json),
    'cache-control': 'no-store',
  });
  res.end(bytes);
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
