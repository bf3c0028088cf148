// The e2e specs' silent hub (tests/e2e/hub/silent-hub.ts) lets every connection go when closed,
// one whose TLS handshake had not finished too: that one, missed, was held for ever and `close`
// never returned (the hub-reload-offline.spec CI flake, docs/engineering/hub-outbox-flake.md).
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { silentHub, type SilentHub } from '../e2e/hub/silent-hub';
import { tempDir } from '../helpers/ctx';

const LOOPBACK = '127.0.0.1';
const open: SilentHub[] = [];
const clients: net.Socket[] = [];
afterEach(async () => {
  // The clients first: a hub that failed to drop one would otherwise wait on it for ever.
  for (const c of clients.splice(0)) c.destroy();
  for (const h of open.splice(0)) await h.close();
});

async function start(): Promise<{ hub: SilentHub; port: number }> {
  const hub = await silentHub(0, tempDir('hadir-silent-'), LOOPBACK);
  open.push(hub);
  return { hub, port: (hub.server.address() as net.AddressInfo).port };
}

/** How a client's TLS connection ends up: its handshake done, or dropped before. */
function outcome(socket: tls.TLSSocket): Promise<'secured' | 'dropped'> {
  clients.push(socket);
  return new Promise((resolve) => {
    socket.once('secureConnect', () => resolve('secured'));
    socket.once('close', () => resolve('dropped'));
    socket.on('error', () => undefined);
  });
}

describe('the silent hub', () => {
  it('takes a request and never answers; closed, it drops the connection and stops', async () => {
    const { hub, port } = await start();
    const client = tls.connect({ port, host: LOOPBACK, rejectUnauthorized: false });
    expect(await outcome(client)).toBe('secured');
    const got = new Promise((r) => hub.server.once('secureConnection', (s: tls.TLSSocket) => s.once('data', r)));
    client.write('POST /api/checkin.stats HTTP/1.1\r\nHost: hub\r\nContent-Length: 0\r\n\r\n');
    await got;
    const ended = new Promise((r) => client.once('close', r));
    await hub.close();
    await ended;
  });

  it('closed while a connection’s handshake is still to come, it drops that connection too and stops', async () => {
    const { hub, port } = await start();
    // Closed the moment the connection is accepted: its handshake has not begun.
    // (Wrapped: a promise resolved with a promise would wait for it.)
    const closing = new Promise<{ done: Promise<void> }>((resolve) =>
      hub.server.once('connection', () => resolve({ done: hub.close() })),
    );
    const raw = net.connect(port, LOOPBACK);
    clients.push(raw);
    raw.on('error', () => undefined);
    const { done } = await closing;
    // Before the fix the handshake then completed and the connection was held for ever (and
    // `close`, which waits for every connection, with it).
    expect(await outcome(tls.connect({ socket: raw, rejectUnauthorized: false }))).toBe('dropped');
    await done;
  });
});
