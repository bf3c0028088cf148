import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { openContext } from '../../electron/core/open-context';
import { leaveKioskWithPin, setupKiosk } from '../../electron/main/kiosk';
import { setKioskPin } from '../../electron/core/system/kiosk-pin';
import { RESOURCES, tempDir } from '../helpers/ctx';
import { registerIpc } from '../../electron/main/ipc';
import { OP_NAMES, channelOf } from '../../electron/shared/op-names';
import { secureSession, secureWindow } from '../../electron/main/window-security';
import { APP_ENTRY_URL } from '../../electron/host/app-origin';
import { contentSecurityPolicy, devOrigin } from '../../electron/host/csp';
import { isLoopbackHost } from '../../electron/host/loopback';
import {
  ipcSenderCheck,
  isAllowedPermission,
  isAllowedPermissionCheck,
  isAppUrl,
  isBlockedInKiosk,
  isKioskChord,
  withCsp,
  type KeyInput,
} from '../../electron/main/security';

const DEV = 'http://localhost:5173';

// The real `electron` package cannot load under Node (and would try to download its binary).
// ipc.ts and kiosk.ts get these stand-ins; window-security.ts only imports types from it.
const electronMock = vi.hoisted(() => ({
  ipc: new Map<string, (event: unknown, input: unknown) => unknown>(),
  menus: [] as unknown[],
  app: null as unknown as import('node:events').EventEmitter,
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => electronMock.ipc.set(channel, fn),
    removeHandler: (channel: string) => electronMock.ipc.delete(channel),
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => electronMock.menus.push(m) },
  get app() {
    // An EventEmitter, for kiosk.ts's before-quit listener.
    return (electronMock.app ??= Object.assign(new EventEmitter(), { name: 'Hadir' }));
  },
}));

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://hadir/', 'app://hadir', 'app://hadir/assets/index-abc.js', 'app://hadir/#/scan?x=1'])(
    'allows the app origin: %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'http://evil.example/',
    'https://example.com/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'app://other-host/index.html',
    'app://hadir.evil.example/index.html',
    'app://evil@hadir/index.html',
    'app://hadir:8080/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://hadir/1234',
    'about:blank',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('denies %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('denies null and undefined (a destroyed frame has no URL)', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('allows the dev server origin only when a dev URL is given', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });

  it('never trusts a dev URL that is not on this machine or not http(s)', () => {
    expect(devOrigin('http://evil.example:5173')).toBeNull();
    expect(devOrigin('file:///tmp/index.html')).toBeNull();
    expect(devOrigin('http://user:pw@localhost:5173')).toBeNull();
    expect(devOrigin('garbage')).toBeNull();
    expect(devOrigin(undefined)).toBeNull();
    expect(devOrigin('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(devOrigin('http://[::1]:5173/')).toBe('http://[::1]:5173');
    expect(isAppUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
  });
});

describe('isAllowedPermission (request handler)', () => {
  it('allows the camera alone, for the app', () => {
    expect(isAllowedPermission('media', { mediaTypes: ['video'] }, APP_ENTRY_URL)).toBe(true);
  });

  it('allows the camera for the dev server in development', () => {
    expect(isAllowedPermission('media', { mediaTypes: ['video'] }, `${DEV}/`, DEV)).toBe(true);
  });

  it('denies camera + microphone, and the microphone alone', () => {
    expect(isAllowedPermission('media', { mediaTypes: ['audio', 'video'] }, APP_ENTRY_URL)).toBe(false);
    expect(isAllowedPermission('media', { mediaTypes: ['video', 'audio'] }, APP_ENTRY_URL)).toBe(false);
    expect(isAllowedPermission('media', { mediaTypes: ['audio'] }, APP_ENTRY_URL)).toBe(false);
  });

  it('denies media requests that name no media type', () => {
    expect(isAllowedPermission('media', { mediaTypes: [] }, APP_ENTRY_URL)).toBe(false);
    expect(isAllowedPermission('media', {}, APP_ENTRY_URL)).toBe(false);
    expect(isAllowedPermission('media', undefined, APP_ENTRY_URL)).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'display-capture',
    'clipboard-read',
    'midiSysex',
    'openExternal',
    'hid',
    'usb',
    'serial',
    'fullscreen',
    'unknown',
  ])('denies %s, even for the app', (permission) => {
    expect(isAllowedPermission(permission, { mediaTypes: ['video'] }, APP_ENTRY_URL)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'app://other-host/', 'data:text/html,x', ''])(
    'denies the camera to %s',
    (url) => {
      expect(isAllowedPermission('media', { mediaTypes: ['video'] }, url)).toBe(false);
      expect(isAllowedPermission('media', { mediaTypes: ['video'] }, url, DEV)).toBe(false);
    },
  );

  it('denies the camera when the requesting URL is missing', () => {
    expect(isAllowedPermission('media', { mediaTypes: ['video'] }, undefined)).toBe(false);
  });
});

describe('isAllowedPermissionCheck (check handler)', () => {
  it('allows a video check from the app origin', () => {
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'video' })).toBe(true);
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'video', requestingUrl: APP_ENTRY_URL })).toBe(true);
  });

  it('denies audio and unknown media checks', () => {
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'audio' })).toBe(false);
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'unknown' })).toBe(false);
    expect(isAllowedPermissionCheck('media', 'app://hadir', {})).toBe(false);
  });

  it('denies video checks from other origins, or from another URL inside an app origin', () => {
    expect(isAllowedPermissionCheck('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(isAllowedPermissionCheck('media', 'file://', { mediaType: 'video' })).toBe(false);
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'video', requestingUrl: 'https://evil.example/' })).toBe(
      false,
    );
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'storage-access'])(
    'denies %s checks',
    (p) => {
      expect(isAllowedPermissionCheck(p, 'app://hadir', { mediaType: 'video', requestingUrl: APP_ENTRY_URL })).toBe(false);
    },
  );
});

describe('ipcSenderCheck', () => {
  it('lets the app page through', () => {
    expect(ipcSenderCheck(APP_ENTRY_URL)).toBeNull();
    expect(ipcSenderCheck(`${DEV}/`, DEV)).toBeNull();
  });

  it.each([undefined, null, '', 'https://evil.example/', 'file:///tmp/print.pdf', 'app://other/'])(
    'refuses %s with forbidden',
    (url) => {
      const r = ipcSenderCheck(url);
      expect(r).not.toBeNull();
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );

  it('is strict in production', () => {
    const d = directives(contentSecurityPolicy(false));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval or remote hosts in production', () => {
    const csp = contentSecurityPolicy(false);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('adds what Vite dev needs, and only then', () => {
    const d = directives(contentSecurityPolicy(true, DEV));
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(d.get('script-src')).toContain("'unsafe-inline'");
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
    expect(d.get('style-src')).toContain("'unsafe-inline'");
  });
});

describe('withCsp', () => {
  const csp = contentSecurityPolicy(false);

  it('replaces any CSP header of app responses, whatever its case', () => {
    const out = withCsp(`${DEV}/`, { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, csp, DEV);
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [csp] });
  });

  it('leaves other responses untouched (the PDF viewer needs its own policy)', () => {
    const headers = { 'Content-Security-Policy': ["script-src 'self' chrome://resources"] };
    expect(withCsp('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', headers, csp)).toBe(headers);
    expect(withCsp('file:///tmp/print.pdf', undefined, csp)).toBeUndefined();
  });
});

describe('kiosk keys', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    shift: false,
    alt: false,
    ...mods,
  });

  it('recognises CmdOrCtrl+Shift+K as the kiosk chord', () => {
    expect(isKioskChord(key('K', { control: true, shift: true }), 'win32')).toBe(true);
    expect(isKioskChord(key('k', { control: true, shift: true }), 'linux')).toBe(true);
    expect(isKioskChord(key('K', { meta: true, shift: true }), 'darwin')).toBe(true);
  });

  it('rejects near misses', () => {
    expect(isKioskChord(key('K', { control: true }), 'win32')).toBe(false);
    expect(isKioskChord(key('K', { shift: true }), 'win32')).toBe(false);
    expect(isKioskChord(key('K', { control: true, shift: true, alt: true }), 'win32')).toBe(false);
    expect(isKioskChord(key('K', { meta: true, shift: true }), 'win32')).toBe(false);
    expect(isKioskChord(key('K', { control: true, shift: true }), 'darwin')).toBe(false);
    expect(isKioskChord({ ...key('K', { control: true, shift: true }), type: 'keyUp' }, 'win32')).toBe(false);
  });

  it('blocks the usual ways out while in kiosk mode', () => {
    expect(isBlockedInKiosk(key('w', { control: true }), 'win32')).toBe(true);
    expect(isBlockedInKiosk(key('R', { control: true }), 'linux')).toBe(true);
    expect(isBlockedInKiosk(key('q', { meta: true }), 'darwin')).toBe(true);
    expect(isBlockedInKiosk(key('I', { control: true, shift: true }), 'win32')).toBe(true);
    expect(isBlockedInKiosk(key('F12'), 'win32')).toBe(true);
    expect(isBlockedInKiosk(key('F5'), 'linux')).toBe(true);
    expect(isBlockedInKiosk(key('F4', { alt: true }), 'win32')).toBe(true);
    expect(isBlockedInKiosk(key('ArrowLeft', { alt: true }), 'win32')).toBe(true);
  });

  it('lets ordinary typing and editing through', () => {
    expect(isBlockedInKiosk(key('a'), 'win32')).toBe(false);
    expect(isBlockedInKiosk(key('W', { shift: true }), 'win32')).toBe(false);
    expect(isBlockedInKiosk(key('Enter'), 'win32')).toBe(false);
    expect(isBlockedInKiosk(key('c', { control: true }), 'win32')).toBe(false);
    expect(isBlockedInKiosk(key('v', { meta: true }), 'darwin')).toBe(false);
    expect(isBlockedInKiosk({ ...key('w', { control: true }), type: 'keyUp' }, 'win32')).toBe(false);
  });
});

describe('ipc.ts wiring (electron mocked, real database)', () => {
  let dir: string;
  let ctx: Ctx;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-ipc-'));
    ctx = openContext(dir, 'electron', dir, { actor: 'kiosk' });
    registerIpc(ctx, undefined);
  });
  afterAll(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const call = (name: string, senderUrl: string | null, input: unknown = {}) =>
    Promise.resolve(
      electronMock.ipc.get(channelOf(name as (typeof OP_NAMES)[number]))!(
        { senderFrame: senderUrl === null ? null : { url: senderUrl } },
        input,
      ),
    );

  it('registers exactly one handler per operation', () => {
    expect([...electronMock.ipc.keys()].sort()).toEqual(OP_NAMES.map(channelOf).sort());
  });

  it('dispatches calls from the app page', async () => {
    expect(await call('app.info', APP_ENTRY_URL)).toMatchObject({ ok: true, value: { runtime: 'electron', dataDir: dir } });
    expect(await call('settings.set', APP_ENTRY_URL, { lang: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses other senders before looking at the input', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/print.pdf', 'app://other/', '', null]) {
      expect(await call('app.info', url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('settings.set', url, { lang: 'en' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // and the refused write did not happen
    expect(await call('settings.get', APP_ENTRY_URL)).toMatchObject({ ok: true, value: { lang: 'id' } });
  });
});

describe('window-security.ts wiring (fake session and window)', () => {
  type ReqHandler = (wc: unknown, permission: string, cb: (ok: boolean) => void, details: object) => void;
  type CheckHandler = (wc: unknown, permission: string, origin: string, details: object) => boolean;
  type HeadersHandler = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
  const got: { request?: ReqHandler; check?: CheckHandler; device?: () => boolean; headers?: HeadersHandler } = {};
  const csp = contentSecurityPolicy(false);
  beforeAll(() => {
    const fakeSession = {
      setPermissionRequestHandler: (h: ReqHandler) => (got.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (got.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (got.device = h),
      webRequest: { onHeadersReceived: (h: HeadersHandler) => (got.headers = h) },
    };
    secureSession(fakeSession as unknown as Session, csp);
  });
  const request = (permission: string, details: object) => {
    let answer: boolean | undefined;
    got.request!(null, permission, (ok) => (answer = ok), { isMainFrame: true, ...details });
    return answer;
  };

  it('answers permission requests with the pure rule', () => {
    expect(request('media', { requestingUrl: APP_ENTRY_URL, mediaTypes: ['video'] })).toBe(true);
    expect(request('media', { requestingUrl: APP_ENTRY_URL, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(request('geolocation', { requestingUrl: APP_ENTRY_URL })).toBe(false);
    expect(request('notifications', { requestingUrl: APP_ENTRY_URL })).toBe(false);
  });

  it('answers permission checks and device requests', () => {
    expect(
      got.check!(null, 'media', 'app://hadir', { isMainFrame: true, mediaType: 'video', requestingUrl: APP_ENTRY_URL }),
    ).toBe(true);
    expect(got.check!(null, 'media', 'app://hadir', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(got.check!(null, 'hid', 'app://hadir', { isMainFrame: true })).toBe(false);
    expect(got.device!()).toBe(false);
  });

  it('puts the CSP on app responses only', () => {
    const answer = (url: string) => {
      let r: unknown;
      got.headers!({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (x) => (r = x));
      return r;
    };
    expect(answer(APP_ENTRY_URL)).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [csp] },
    });
    expect(answer('chrome-extension://x/index.html')).toEqual({ responseHeaders: { 'Content-Type': ['text/html'] } });
  });

  it('blocks navigation away and every pop-up', () => {
    const wc = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | (() => unknown) });
    (wc as unknown as { setWindowOpenHandler: (h: () => unknown) => void }).setWindowOpenHandler = (h) => (wc.openHandler = h);
    secureWindow({ webContents: wc } as unknown as BrowserWindow);
    const nav = (event: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      wc.emit(event, e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('will-navigate', 'https://example.com/')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-navigate', 'app://hadir/index.html')).toBe(false);
    expect(nav('will-redirect', 'https://example.com/')).toBe(true);
    expect(nav('will-attach-webview', 'app://hadir/index.html')).toBe(true);
    expect(wc.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('kiosk.ts wiring (electron mocked)', () => {
  const kioskCtx = openContext(tempDir(), 'cli', RESOURCES, { actor: 'test' });
  afterAll(() => kioskCtx.db.close());
  function fakeWindow() {
    setKioskPin(kioskCtx, null);
    const wc = new EventEmitter();
    const win = Object.assign(new EventEmitter(), {
      webContents: Object.assign(wc, { reloads: 0, reload: () => (wc as unknown as { reloads: number }).reloads++ }),
      isDestroyed: () => false,
      kiosk: false,
      isKiosk() {
        return this.kiosk;
      },
      setKiosk(on: boolean) {
        this.kiosk = on;
      },
    });
    setupKiosk(win as unknown as BrowserWindow, kioskCtx, { devTools: false, kiosk: false });
    const press = (key: string, mods: Partial<KeyInput> & { keyUp?: boolean } = {}) => {
      const e = { preventDefault: vi.fn() };
      const { keyUp, ...rest } = mods;
      wc.emit('before-input-event', e, { type: keyUp ? 'keyUp' : 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...rest });
      return e.preventDefault.mock.calls.length > 0;
    };
    const close = () => {
      const e = { preventDefault: vi.fn() };
      win.emit('close', e);
      return e.preventDefault.mock.calls.length === 0;
    };
    return { win, press, close };
  }
  const cmd = process.platform === 'darwin' ? { meta: true } : { control: true };

  // Issue 17, finding 4: the chord alone no longer leaves kiosk mode.
  it('enters kiosk mode with CmdOrCtrl+Shift+K; without a PIN, leaves only when the chord is held 3 s', () => {
    vi.useFakeTimers();
    try {
      const { win, press } = fakeWindow();
      expect(press('K', { ...cmd, shift: true })).toBe(true);
      expect(win.kiosk).toBe(true);
      // Tapped: still in kiosk mode.
      expect(press('K', { ...cmd, shift: true })).toBe(true);
      press('K', { ...cmd, shift: true, keyUp: true });
      vi.advanceTimersByTime(5_000);
      expect(win.kiosk).toBe(true);
      // Held for 3 s (key repeat meanwhile): out.
      press('K', { ...cmd, shift: true });
      vi.advanceTimersByTime(1_500);
      press('K', { ...cmd, shift: true, isAutoRepeat: true });
      expect(win.kiosk).toBe(true);
      vi.advanceTimersByTime(2_000);
      expect(win.kiosk).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with an organiser PIN, lets the chord through to the page’s prompt and leaves only on the right PIN', () => {
    const { win, press } = fakeWindow();
    press('K', { ...cmd, shift: true });
    setKioskPin(kioskCtx, '482913');
    expect(press('K', { ...cmd, shift: true })).toBe(false); // the page opens its PIN prompt
    const w = win as unknown as BrowserWindow;
    expect(leaveKioskWithPin(kioskCtx, w, '000000')).toEqual({ left: false, locked: false });
    expect(win.kiosk).toBe(true);
    expect(leaveKioskWithPin(kioskCtx, w, '482913')).toEqual({ left: true, locked: false });
    expect(win.kiosk).toBe(false);
  });

  it('puts the window back in kiosk mode when something else takes it out of fullscreen', () => {
    const { win, press } = fakeWindow();
    win.emit('leave-full-screen');
    expect(win.kiosk).toBe(false); // not in kiosk mode: nothing to restore
    press('K', { ...cmd, shift: true });
    win.kiosk = false; // Alt+Space → Restore: Electron's isKiosk() is isFullScreen() here
    win.emit('leave-full-screen');
    expect(win.kiosk).toBe(true);
  });

  it('in kiosk mode the window will not close and escape keys are swallowed', () => {
    const { win, press, close } = fakeWindow();
    expect(close()).toBe(true);
    expect(press('w', cmd)).toBe(false); // not in kiosk: left alone
    press('K', { ...cmd, shift: true });
    expect(win.kiosk).toBe(true);
    expect(close()).toBe(false);
    expect(press('w', cmd)).toBe(true);
    expect(press('F12')).toBe(true);
    expect(press('a')).toBe(false);
  });

  it('lets Windows end the session even in kiosk mode', () => {
    const { win, press, close } = fakeWindow();
    press('K', { ...cmd, shift: true });
    win.emit('session-end');
    expect(close()).toBe(true);
  });

  it('lets an app quit through in kiosk mode (macOS and Linux logout, shutdown)', () => {
    const { win, press, close } = fakeWindow();
    press('K', { ...cmd, shift: true });
    expect(close()).toBe(false);
    electronMock.app.emit('before-quit');
    expect(close()).toBe(true);
  });

  it('reloads the page when the renderer crashes, not when it exits cleanly', () => {
    const { win } = fakeWindow();
    const wc = win.webContents as unknown as EventEmitter & { reloads: number };
    wc.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(wc.reloads).toBe(0);
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(wc.reloads).toBe(1);
  });

  it('offers the toggle in the menu, with no dev tools when packaged and no Quit while in kiosk', () => {
    const { press } = fakeWindow();
    press('K', { ...cmd, shift: true });
    const menu = JSON.stringify(electronMock.menus.at(-1));
    expect(menu).toContain('"label":"Mode kiosk"');
    expect(menu).toContain('"accelerator":"CmdOrCtrl+Shift+K"');
    expect(menu).toContain('"checked":true');
    expect(menu).not.toContain('toggleDevTools');
    expect(menu).toMatch(/"role":"quit","enabled":false/);
  });
});
