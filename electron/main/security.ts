// Every security decision of the Electron shell, as pure functions: no `electron` import, so
// tests/unit/security.test.ts runs them under plain Node. window-security.ts, ipc.ts and
// kiosk.ts only wire these into Electron's hooks. What the web host shares with the shell (the
// app origin, the CSP, the loopback names) lives below both, in electron/host.
import { APP_HOST, APP_SCHEME } from '../host/app-origin';
import { devOrigin } from '../host/csp';
import { parseUrl as parse } from '../host/parse-url';
import type { Result } from '../shared/result';

/** True for the app's own pages: app://hadir/…, or (in development only) the dev server's origin. */
export function isAppUrl(url: string | null | undefined, devUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) {
    // app: is not a "special" scheme for Node's URL parser, so `origin` is 'null'; compare parts.
    return u.host.toLowerCase() === APP_HOST && !u.username && !u.password && !u.port;
  }
  const dev = devOrigin(devUrl);
  return dev !== null && u.origin === dev;
}

/**
 * setPermissionRequestHandler: the camera (media with only `video`) for the app's own pages,
 * nothing else. Electron grants every request when no handler is set, so this is the allow list.
 */
export function isAllowedPermission(
  permission: string,
  details: { mediaTypes?: readonly string[] } | undefined,
  requestingUrl: string | undefined,
  devUrl?: string,
): boolean {
  if (permission !== 'media') return false;
  const types = details?.mediaTypes ?? [];
  if (types.length === 0 || !types.every((t) => t === 'video')) return false;
  return isAppUrl(requestingUrl, devUrl);
}

/**
 * setPermissionCheckHandler (synchronous "is it already granted?" checks, e.g. before
 * enumerateDevices exposes camera labels): the same rule. Both the origin and, when Chromium
 * gives it, the requesting URL must be the app's.
 */
export function isAllowedPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: string; requestingUrl?: string },
  devUrl?: string,
): boolean {
  if (permission !== 'media' || details.mediaType !== 'video') return false;
  if (!isAppUrl(requestingOrigin, devUrl)) return false;
  return details.requestingUrl === undefined || isAppUrl(details.requestingUrl, devUrl);
}

/**
 * Response headers with our CSP for the app's own documents, untouched for everything else.
 * Leaving other URLs alone matters: the default session also serves Chromium's built-in PDF
 * viewer (a chrome-extension:// frame, used by print.ts), and forcing the app policy onto it
 * blocks the viewer, so a PDF never becomes ready to print.
 */
export function withCsp(
  url: string,
  headers: Record<string, string[]> | undefined,
  csp: string,
  devUrl?: string,
): Record<string, string[]> | undefined {
  if (!isAppUrl(url, devUrl)) return headers;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** What an IPC handler returns when the message did not come from the app's own page. */
export function ipcSenderCheck(senderUrl: string | null | undefined, devUrl?: string): Result<never> | null {
  if (isAppUrl(senderUrl, devUrl)) return null;
  return { ok: false, error: { code: 'forbidden', message: 'IPC refused: the sender is not the Hadir app page' } };
}

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  /** A key held down repeats its keyDown with this set (Electron's Input.isAutoRepeat). */
  isAutoRepeat?: boolean;
}

/**
 * CmdOrCtrl+Shift+K, the operator's chord to enter and leave kiosk mode. It is the only way
 * out: kiosk.ts blocks closing the window while in kiosk mode.
 */
export function isKioskChord(input: KeyInput, platform: NodeJS.Platform): boolean {
  const cmdOrCtrl = platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  return input.type === 'keyDown' && input.key.toLowerCase() === 'k' && input.shift && !input.alt && cmdOrCtrl;
}

/**
 * Keys a participant could use to leave or disturb the kiosk page: reload, dev tools, close,
 * quit, print dialog, hide. Blocked only while in kiosk mode. Most have no handler in our menu
 * anyway; blocking them here also covers what Chromium or the OS would do with them.
 */
export function isBlockedInKiosk(input: KeyInput, platform: NodeJS.Platform): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh'].includes(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight')) return true;
  const mod = platform === 'darwin' ? input.meta : input.control;
  if (!mod) return false;
  if (input.shift && (key === 'i' || key === 'j' || key === 'c')) return true; // dev tools
  return ['r', 'w', 'q', 'p', 'h', 'm'].includes(key); // reload, close, quit, print, hide, minimise
}
