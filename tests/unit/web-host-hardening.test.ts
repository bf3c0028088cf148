// Issue 8, defects 5, 6 and 13, against real hosts: the web host as `npm run web` starts it (a
// child process on 127.0.0.2, loopback on Linux but not one of the names the host trusts without
// a key), and createWebHost on a real port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebHost } from '../../electron/web/server';
import { ACCESS_KEY_IN_HASH } from '../../electron/shared/access-key';
import { MAX_UPLOAD_BYTES } from '../../electron/shared/file';
import { BYTES_TYPE, INPUT_HEADER, encodeHeader } from '../../electron/shared/wire';
import { bundleWithSourceUrls } from '../helpers/bundle-child';
import { ROOT, tempCtx, tempDir } from '../helpers/ctx';

const LAN = '127.0.0.2';

// electron/web/main.ts bundled once, each module keeping its own import.meta.url as under tsx
// (`npm run web`): each of the eight starts below costs a Node start, not tsx compiling the
// sources again (~1 s of CPU each).
let hostEntry: string;
beforeAll(async () => {
  hostEntry = await bundleWithSourceUrls(path.join(ROOT, 'electron/web/main.ts'));
});

/** Starts electron/web/main.ts; resolves with its exit, or with the address once it listens. */
function startHost(args: string[], env: Record<string, string> = {}) {
  const dataDir = tempDir();
  const child = spawn(process.execPath, [hostEntry, '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const outcome = new Promise<{ exit: number | null; stdout: string; stderr: string; address?: string }>((resolve) => {
    child.stdout.on('data', () => {
      // Beyond loopback the host is a hub and prints https:// (issue 19); 127.0.0.2 is this
      // computer, which the same port also serves in plain HTTP: the requests below use that.
      const m = /open: https?:\/\/(\S+)/.exec(stdout);
      if (m) resolve({ exit: null, stdout, stderr, address: `http://${m[1]}` });
    });
    child.on('exit', (exit) => resolve({ exit, stdout, stderr }));
  });
  return { child, dataDir, outcome };
}

function request(
  url: string,
  op: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; json: { ok: boolean; error?: { code: string; params?: Record<string, number> } } }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: `/api/${op}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('defects 5 and 6: the access key of a host on the venue network', () => {
  const refused: [string, string[], Record<string, string>, RegExp][] = [
    ['an empty HADIR_WEB_KEY', [], { HADIR_WEB_KEY: '' }, /access key is empty/],
    ['a key with a dash (the page would keep only "psm")', ['--key', 'psm-2022-lampung'], {}, /letters and digits only/],
    ['a short key', ['--key', 'psm2022'], {}, /at least 12 letters and digits/],
    ['a key of one letter repeated', ['--key', 'aaaaaaaaaaaaaaaa'], {}, /too easy to guess/],
  ];
  for (const [what, args, env, message] of refused) {
    it(`refuses to start with ${what}, before touching the data folder`, async () => {
      const host = startHost(['--host', LAN, ...args], env);
      const out = await host.outcome;
      expect(out.exit).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(message);
      expect(fs.readdirSync(host.dataDir)).toEqual([]);
    });
  }

  it('with a good chosen key: prints it whole, the page reads it whole, and only it opens the data', async () => {
    const host = startHost(['--host', LAN, '--key', 'Psm2022Lampung']);
    try {
      const out = await host.outcome;
      expect(out.address).toBe(`${out.address!.split('#')[0]}#key=Psm2022Lampung`);
      // What renderer/src/api.ts takes from the address is the key the host checks.
      expect(ACCESS_KEY_IN_HASH.exec(`#${out.address!.split('#')[1]}`)?.[1]).toBe('Psm2022Lampung');
      const wrong: Record<string, string>[] = [
        {},
        { 'x-hadir-key': '' },
        { 'x-hadir-key': 'Psm' },
        { 'x-hadir-key': 'Psm2022Lampunh' },
      ];
      for (const headers of wrong) {
        const r = await request(out.address!, 'participants.list', headers);
        expect([r.status, r.json.error?.code]).toEqual([401, 'access_key']);
      }
      expect((await request(out.address!, 'event.list', { 'x-hadir-key': 'PSM2022LAMPUNG' })).status).toBe(200);
    } finally {
      host.child.kill();
    }
  });

  it('with no key given: makes one and prints it in the address', async () => {
    const host = startHost(['--host', LAN]);
    try {
      const out = await host.outcome;
      const key = ACCESS_KEY_IN_HASH.exec(`#${out.address!.split('#')[1]}`)?.[1];
      expect(key).toMatch(/^[0-9A-Z]{12}$/);
      expect((await request(out.address!, 'event.list', { 'x-hadir-key': key! })).status).toBe(200);
    } finally {
      host.child.kill();
    }
  });

  it('a port already in use, or an address not of this computer: one line saying what to do', async () => {
    const taken = http.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const cases: [string[], RegExp][] = [
        [['--port', port], new RegExp(`port ${port} is already in use .*--port`)],
        [['--host', '192.0.2.1'], /192\.0\.2\.1 is not an address of this computer/],
      ];
      for (const [args, message] of cases) {
        const host = startHost([...args, '--key', 'Psm2022Lampung']);
        const out = await host.outcome;
        expect(out.exit).toBe(1);
        expect(out.stderr).toMatch(message);
        expect(out.stderr.trim().split('\n')).toHaveLength(1);
      }
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('createWebHost itself refuses to serve beyond loopback without a usable key', () => {
    const ctx = tempCtx();
    for (const accessKey of [undefined, '', 'psm-2022', 'aaaaaaaaaaaa']) {
      expect(() => createWebHost({ ctx, staticDir: tempDir(), loopbackOnly: false, accessKey })).toThrow(/access key/);
    }
  });
});

describe('defect 13: origin scheme and the body cap per operation', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const server = createWebHost({ ctx: tempCtx(), staticDir: tempDir() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(() => close());

  it('refuses an Origin with the same host but another scheme', async () => {
    const host = new URL(base).host;
    for (const origin of [`https://${host}`, `ws://${host}`, 'null', `file://${host}`]) {
      const r = await request(base, 'event.list', { origin });
      expect([origin, r.status, r.json.error?.code]).toEqual([origin, 403, 'forbidden']);
    }
    expect((await request(base, 'event.list', { origin: `http://${host}` })).status).toBe(200);
  });

  /** A request that declares a body over the cap: answered before the body is sent. */
  function declared(op: string, bytes: number, binary: boolean, meta = '{"bytes":{"$bytes":true}}') {
    const u = new URL(base);
    return new Promise<{ status: number; code: string; params: Record<string, number> }>((resolve, reject) => {
      const headers: Record<string, string> = binary
        ? { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader(meta) }
        : { 'content-type': 'application/json' };
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: `/api/${op}`,
          method: 'POST',
          headers: { ...headers, 'content-length': String(bytes) },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            const json = JSON.parse(text);
            resolve({ status: res.statusCode ?? 0, code: json.error.code, params: json.error.params });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  it('words the refusal for the operation asked, not import_too_large for everything', async () => {
    const over = MAX_UPLOAD_BYTES + 1;
    expect(await declared('participants.importPreview', over, true)).toEqual({
      status: 413,
      code: 'import_too_large',
      params: { bytes: over, max: MAX_UPLOAD_BYTES },
    });
    expect(await declared('event.setLogo', over, true)).toMatchObject({
      status: 413,
      code: 'logo_invalid',
      params: { bytes: over },
    });
    expect(await declared('event.importFile', over, true)).toMatchObject({ status: 413, code: 'event_file_invalid' });
    expect(await declared('participants.list', 2 * 1024 * 1024, false)).toMatchObject({
      status: 413,
      code: 'request_too_large',
      params: { bytes: 2 * 1024 * 1024, max: 1024 * 1024 },
    });
  });

  it('words it for the job or the file kind asked: the import screen commits through jobs.start', async () => {
    const over = MAX_UPLOAD_BYTES + 1;
    const job = '{"job":"participants.import","input":{"fileName":"x.csv","bytes":{"$bytes":true}}}';
    expect(await declared('jobs.start', over, true, job)).toEqual({
      status: 413,
      code: 'import_too_large',
      params: { bytes: over, max: MAX_UPLOAD_BYTES },
    });
    // What the certificates screen words as "larger than 15 MB" (or 2 MB for a signature).
    const asset = (kind: string) => `{"eventId":1,"desk":"meja-1","kind":"${kind}","bytes":{"$bytes":true}}`;
    expect(await declared('certificates.setAsset', over, true, asset('background'))).toEqual({
      status: 413,
      code: 'asset_invalid',
      params: { maxMb: 15 },
    });
    expect(await declared('certificates.setAsset', over, true, asset('signature'))).toMatchObject({ params: { maxMb: 2 } });
    // A header that is not JSON still gets the operation's wording.
    expect(await declared('jobs.start', over, true, '%%%')).toMatchObject({ status: 413, code: 'request_too_large' });
  });

  it('answers a body sent without a declared length and past the cap with the worded refusal, not a reset', async () => {
    const u = new URL(base);
    const answer = await new Promise<string>((resolve) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: '/api/participants.importPreview',
          method: 'POST',
          headers: {
            'content-type': BYTES_TYPE,
            [INPUT_HEADER]: encodeHeader('{"fileName":"x.csv","bytes":{"$bytes":true}}'),
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(`${res.statusCode} ${JSON.parse(text).error.code}`));
        },
      );
      req.on('error', (e) => resolve(`error ${e.message}`));
      const chunk = Buffer.alloc(1024 * 1024, 0x41);
      let sent = 0;
      const pump = (): void => {
        while (sent <= MAX_UPLOAD_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(answer).toBe('413 import_too_large');
  });
});
