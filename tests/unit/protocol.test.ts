import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appResponseHeaders, mimeTypeFor, resolveAppPath } from '../../electron/host/app-path';
import { PrintJobs } from '../../electron/main/print-jobs';
import { registerAppScheme, serveAppScheme } from '../../electron/main/protocol';

// The real `electron` package cannot load under Node (and would try to download its binary):
// stand in for the two protocol calls protocol.ts makes, and capture what it registers.
const electronMock = vi.hoisted(() => ({
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
  privileged: [] as unknown[],
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electronMock.privileged.push(...schemes),
    handle: (scheme: string, handler: (req: Request) => Promise<Response>) => electronMock.handlers.set(scheme, handler),
  },
}));

// A fake out/renderer with a secret next to it, which no app:// URL may reach.
let base: string;
let root: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), '');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const resolve = (url: string) => resolveAppPath(root, url);
const inRoot = (...p: string[]) => path.join(root, ...p);

describe('resolveAppPath: what it serves', () => {
  it('maps / and the bare origin to index.html', () => {
    expect(resolve('app://hadir/')).toBe(inRoot('index.html'));
    expect(resolve('app://hadir')).toBe(inRoot('index.html'));
    expect(resolve('app://hadir/index.html')).toBe(inRoot('index.html'));
  });

  it('serves files under the root, ignoring query and fragment', () => {
    expect(resolve('app://hadir/assets/index-abc.js')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolve('app://hadir/assets/index-abc.js?v=1#x')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolve('app://hadir/assets/zxing_reader.wasm')).toBe(inRoot('assets', 'zxing_reader.wasm'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolve('app://hadir/fonts/Noto%20Sans.woff2')).toBe(inRoot('fonts', 'Noto Sans.woff2'));
  });

  it('falls back to index.html for extension-less routes (history routing survives a reload)', () => {
    expect(resolve('app://hadir/participants')).toBe(inRoot('index.html'));
    expect(resolve('app://hadir/checkin/day/2')).toBe(inRoot('index.html'));
  });
});

describe('resolveAppPath: what it refuses', () => {
  it.each([
    // other schemes and hosts
    'http://hadir/index.html',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://hadir.evil/index.html',
    'app://evil@hadir/index.html',
    'app://hadir:1234/index.html',
    // traversal hidden from the URL parser by encoding the separator
    'app://hadir/..%2Fsecret.txt',
    'app://hadir/..%2fsecret.txt',
    'app://hadir/%2e%2e%2fsecret.txt',
    'app://hadir/%2E%2E%2Fsecret.txt',
    'app://hadir/assets/..%2F..%2Fsecret.txt',
    'app://hadir/.%2Findex.html',
    // backslashes, raw or encoded
    'app://hadir/..\\secret.txt',
    'app://hadir/assets\\..\\..\\secret.txt',
    'app://hadir/..%5csecret.txt',
    'app://hadir/..%5Csecret.txt',
    // absolute paths and drive letters
    'app://hadir//etc/passwd',
    'app://hadir/%2Fetc%2Fpasswd',
    'app://hadir/C:/Windows/win.ini',
    'app://hadir/C%3A%5CWindows%5Cwin.ini',
    // control characters, NUL, malformed escapes
    'app://hadir/index.html%00.js',
    'app://hadir/%0aindex.html',
    'app://hadir/%E0%A4%A',
    // names Windows rewrites: trailing dots and spaces, devices
    'app://hadir/..%20/secret.txt',
    'app://hadir/.. %2Fsecret.txt',
    'app://hadir/index.html.',
    'app://hadir/.../secret.txt',
    'app://hadir/CON.js',
    'app://hadir/assets/nul',
    // a sibling folder whose name starts like the root
    'app://hadir/..%2Frenderer-evil%2Fx.js',
    // not a URL
    'hadir/index.html',
    '',
  ])('refuses %s', (url) => {
    expect(resolve(url)).toBeNull();
  });

  it('never returns a path outside the root for URL-level dot segments (the parser removes them)', () => {
    for (const url of [
      'app://hadir/../secret.txt',
      'app://hadir/assets/../../secret.txt',
      'app://hadir/%2e%2e/secret.txt',
      'app://hadir/.%2e/secret.txt',
    ]) {
      const file = resolve(url);
      if (file !== null) expect(path.relative(root, file).startsWith(`..${path.sep}`)).toBe(false);
    }
  });

  it('returns only paths that stay inside the root, for a sweep of hostile inputs', () => {
    const parts = [
      '..',
      '%2e%2e',
      '.%2e',
      '%2e.',
      '%2f',
      '%5c',
      '\\',
      '/',
      'a',
      '.',
      '%00',
      '%20',
      'secret.txt',
      'x.js',
      '%252e%252e',
    ];
    for (const a of parts) {
      for (const b of parts) {
        for (const c of parts) {
          const file = resolve(`app://hadir/${a}${b}${c}`);
          if (file === null) continue;
          const rel = path.relative(root, file);
          const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
          expect(outside, `app://hadir/${a}${b}${c} -> ${file}`).toBe(false);
        }
      }
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['zxing_reader.wasm', 'application/wasm'],
    ['logo.svg', 'image/svg+xml'],
    ['logo.PNG', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['font.ttf', 'font/ttf'],
    ['data.json', 'application/json'],
    ['unknown.xyz', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('sends the CSP and nosniff with every response', () => {
    const h = appResponseHeaders('/x/zxing_reader.wasm', "default-src 'self'");
    expect(h['Content-Type']).toBe('application/wasm');
    expect(h['Content-Security-Policy']).toBe("default-src 'self'");
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('resolveAppPath with Windows paths', () => {
  const winRoot = 'C:\\Program Files\\Hadir\\resources\\app.asar\\out\\renderer';
  const win = (url: string) => resolveAppPath(winRoot, url, path.win32);

  it('serves inside the root', () => {
    expect(win('app://hadir/')).toBe(`${winRoot}\\index.html`);
    expect(win('app://hadir/assets/index-abc.js')).toBe(`${winRoot}\\assets\\index-abc.js`);
  });

  it.each([
    'app://hadir/..%5C..%5Csecret.txt',
    'app://hadir/..%2F..%2Fsecret.txt',
    'app://hadir/C:%5CWindows%5Cwin.ini',
    'app://hadir/C%3A/Windows/win.ini',
    'app://hadir/%5C%5Cserver%5Cshare%5Cx.js',
    'app://hadir/index.html::$DATA',
    'app://hadir/..%20/secret.txt',
    'app://hadir/AUX.js',
  ])('refuses %s', (url) => {
    expect(win(url)).toBeNull();
  });
});

describe('protocol.ts wiring (electron mocked)', () => {
  const CSP = "default-src 'self'";
  const get = (url: string, method = 'GET') => electronMock.handlers.get('app')!(new Request(url, { method }));

  beforeAll(() => {
    fs.writeFileSync(path.join(root, 'assets', 'zxing_reader.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
    registerAppScheme();
    serveAppScheme(root, CSP, jobs);
  });
  const jobs = new PrintJobs();

  it('hands a waiting print job to the print page once, as a PDF', async () => {
    const token = jobs.add(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    const res = await get(`app://hadir/print-jobs/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe('%PDF');
    expect((await get(`app://hadir/print-jobs/${token}`)).status).toBe(404);
    expect((await get(`app://hadir/print-jobs/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('registers app: as standard, secure, fetchable and streamable, without opening it to other origins', () => {
    expect(electronMock.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('serves index.html with its type and the CSP', async () => {
    const res = await get('app://hadir/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toBe('<!doctype html>');
  });

  it('serves the QR decoder wasm as application/wasm, byte for byte', async () => {
    const res = await get('app://hadir/assets/zxing_reader.wasm');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('answers 403 to traversal, 404 to a missing file, 405 to other methods', async () => {
    expect((await get('app://hadir/..%2Fsecret.txt')).status).toBe(403);
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('app://hadir/assets/missing.js')).status).toBe(404);
    expect((await get('app://hadir/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://hadir/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
