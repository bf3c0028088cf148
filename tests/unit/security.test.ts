import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  devOrigin,
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

  it.each(['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'midiSysex', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen', 'unknown'])(
    'denies %s, even for the app',
    (permission) => {
      expect(isAllowedPermission(permission, { mediaTypes: ['video'] }, APP_ENTRY_URL)).toBe(false);
    },
  );

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
    expect(isAllowedPermissionCheck('media', 'app://hadir', { mediaType: 'video', requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'storage-access'])('denies %s checks', (p) => {
    expect(isAllowedPermissionCheck(p, 'app://hadir', { mediaType: 'video', requestingUrl: APP_ENTRY_URL })).toBe(false);
  });
});

describe('ipcSenderCheck', () => {
  it('lets the app page through', () => {
    expect(ipcSenderCheck(APP_ENTRY_URL)).toBeNull();
    expect(ipcSenderCheck(`${DEV}/`, DEV)).toBeNull();
  });

  it.each([undefined, null, '', 'https://evil.example/', 'file:///tmp/print.pdf', 'app://other/'])('refuses %s with forbidden', (url) => {
    const r = ipcSenderCheck(url);
    expect(r).not.toBeNull();
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) =>
    new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

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
