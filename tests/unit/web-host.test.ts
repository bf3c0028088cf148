import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { createWebHost } from '../../electron/web/server';
import { MAX_UPLOAD_BYTES } from '../../electron/shared/file';
import { BYTES_TYPE, INPUT_HEADER, RESULT_HEADER, decodeHeader, encodeHeader, joinBytes } from '../../electron/shared/wire';
import { PSM_EVENT, tempCtx, tempDir } from '../helpers/ctx';

const SHELL = '<!doctype html><title>Hadir</title>';
let ctx: Ctx;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ctx = tempCtx();
  // The secret sits right beside the served folder: one `..` away.
  const parent = tempDir();
  const staticDir = path.join(parent, 'www');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), SHELL);
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'SECRET');
  const server = createWebHost({ ctx, staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
});
afterAll(() => close());

function rawGet(p: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: new URL(base).port, path: p, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('web host', () => {
  it('serves the same operations, with the same Result envelope and validation', async () => {
    const created = await (await post('event.create', PSM_EVENT)).json();
    expect(created).toMatchObject({
      ok: true,
      value: {
        name: PSM_EVENT.name,
        days: [
          { dayNo: 1, date: '2022-09-07' },
          { dayNo: 2, date: '2022-09-08' },
        ],
      },
    });
    const bad = await (await post('participants.create', { name: '' })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The write went to the real SQLite file, with the caller recorded in the audit log.
    const audit = ctx.db.prepare("SELECT actor FROM audit WHERE action = 'event.create'").get() as { actor: string };
    expect(audit.actor).toMatch(/^web:/);
  });

  it('refuses cross-origin calls, unknown operations, GET on operations and bad JSON', async () => {
    const cross = await post('event.get', {}, { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await post('event.get', {}, { origin: base })).status).toBe(200);
    expect((await post('nope.nothing', {})).status).toBe(404);
    expect((await fetch(`${base}/api/event.get`)).status).toBe(405);
    const badJson = await post('event.get', '{not json');
    expect(badJson.status).toBe(400);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await rawGet('/', { host: 'evil.example:80' });
    expect(r.status).toBe(403);
    const api = await rawGet('/api/event.get', {
      host: `evil.example:${new URL(base).port}`,
      origin: `http://evil.example:${new URL(base).port}`,
    });
    expect(api.status).toBe(403);
    expect((await rawGet('/', { host: `localhost:${new URL(base).port}` })).status).toBe(200);
  });

  it('serves the app shell with a strict CSP and never a file outside its folder', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    // Raw paths: fetch() would normalise them before sending, hiding what an attacker can send.
    const attacks = [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/../secret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ];
    for (const p of attacks) {
      const r = await rawGet(p);
      expect(r.body, p).not.toContain('SECRET');
      expect(r.body, p).not.toContain('root:');
      expect([400, 404], p).toContain(r.status);
    }
  });

  it('takes an import as the raw file body, its other fields in a header', async () => {
    const csv = Buffer.from('Nama,Asal\r\nSiti Aminah,Kota Metro\r\n');
    // The longest file name (260) in a script that percent-encodes to 9 bytes a character.
    const fileName = `${'ก'.repeat(256)}.csv`;
    const res = await fetch(`${base}/api/participants.importPreview`, {
      method: 'POST',
      headers: {
        'content-type': BYTES_TYPE,
        [INPUT_HEADER]: encodeHeader(JSON.stringify({ fileName, bytes: { $bytes: true }, mapping: ['name', 'regency'] })),
      },
      body: csv,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { format: 'csv', totalRows: 1, validRows: 1 } });
  });

  it('sends an exported file as its bytes, with the JSON in a header', async () => {
    const res = await post('participants.export', { format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(BYTES_TYPE);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(body.subarray(0, 2)).toString()).toBe('PK'); // the workbook itself, not base64
    const meta = JSON.parse(decodeHeader(res.headers.get(RESULT_HEADER)!));
    expect(meta).toMatchObject({ ok: true, value: { mime: expect.stringContaining('spreadsheetml'), bytes: { $bytes: true } } });
    expect(joinBytes(JSON.stringify(meta), body)).toMatchObject({ value: { bytes: body } });
  });

  it('refuses a file over the upload limit as import_too_large, and bytes with no place for them', async () => {
    const big = await fetch(`${base}/api/participants.importPreview`, {
      method: 'POST',
      headers: { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader('{"fileName":"a.csv","bytes":{"$bytes":true}}') },
      body: new Uint8Array(MAX_UPLOAD_BYTES + 1),
    }).catch((e) => e);
    if (big instanceof Response) {
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({
        ok: false,
        error: { code: 'import_too_large', params: { max: MAX_UPLOAD_BYTES } },
      });
    }
    const stray = await fetch(`${base}/api/participants.importPreview`, {
      method: 'POST',
      headers: { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader('{"fileName":"a.csv"}') },
      body: new Uint8Array(3),
    });
    expect(stray.status).toBe(400);
    // A marker inside a JSON body is just an object: zod refuses it.
    const fake = await (await post('participants.importPreview', { fileName: 'a.csv', bytes: { $bytes: true } })).json();
    expect(fake).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('caps a JSON body far below a file: files never travel inside JSON', async () => {
    const res = await post('participants.list', { query: 'x'.repeat(1024 * 1024) }).catch((e) => e);
    if (res instanceof Response) expect(res.status).toBe(413);
  });

  it('refuses a request body over the limit before reading it all', async () => {
    const res = await fetch(`${base}/api/participants.importPreview`, {
      method: 'POST',
      headers: { 'content-length': String(40 * 1024 * 1024) },
      body: 'x'.repeat(1024),
    }).catch((e) => e);
    // Either a 413 answer or a dropped connection: never a parsed request.
    if (res instanceof Response) expect(res.status).toBe(413);
  });
});

describe('web host on the venue network', () => {
  let netBase: string;
  let netClose: () => Promise<void>;
  const KEY = 'K7Q2M9X4B1ZD';

  beforeAll(async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), SHELL);
    const server = createWebHost({ ctx, staticDir, loopbackOnly: false, accessKey: KEY });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    netBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    netClose = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(() => netClose());

  const call = (headers: Record<string, string>) =>
    fetch(`${netBase}/api/participants.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  it('answers operations only with the access key; the page itself needs none', async () => {
    const tries: Record<string, string>[] = [{}, { 'x-hadir-key': 'WRONGKEY0000' }, { 'x-hadir-key': KEY.slice(0, 11) }];
    for (const headers of tries) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'access_key' } });
      expect(JSON.stringify(body)).not.toContain('participants');
    }
    const good = await call({ 'x-hadir-key': KEY });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ ok: true });
    // Typed in lower case on a desk laptop: the same key.
    expect((await call({ 'x-hadir-key': KEY.toLowerCase() })).status).toBe(200);
    expect((await fetch(`${netBase}/`)).status).toBe(200);
  });

  it('answers on any host name it is reached by (a LAN address), unlike the loopback host', async () => {
    const port = new URL(netBase).port;
    const res = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/', headers: { host: `192.168.1.10:${port}` } }, (r) => resolve(r.statusCode ?? 0))
        .on('error', reject),
    );
    expect(res).toBe(200);
  });
});
