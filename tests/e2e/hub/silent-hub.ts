import type net from 'node:net';
import tls from 'node:tls';
import { hubCertificate } from '../../../electron/web/hub-cert';

export interface SilentHub {
  /** The listening server (a test can wait on its 'connection'). */
  server: tls.Server;
  /** Drops every connection, a handshake under way too, and stops listening. */
  close: () => Promise<void>;
}

/**
 * A "hub" on the hub's port, with its certificate, that takes every connection and request and
 * never answers: a hub process stalled after the handshake (hub-reload-offline.spec.ts).
 *
 * `close` drops each connection from the moment it is accepted, not from the end of its TLS
 * handshake. A desk that has every connection it may open held opens a new one the moment one of
 * its requests gives up (its outbox's scan after 5 s, the same moment its banner says a scan
 * waits), for a request it queued that has no time limit (stats, the snapshot, the live stream).
 * Closed while that handshake was under way, the connection was missed: it was then held like
 * the others, with nothing to drop it, and `close` (which waits for every connection) never
 * finished. That was the spec's CI flake of 2026-12 (docs/engineering/hub-outbox-flake.md).
 */
export async function silentHub(port: number, dataDir: string, lan: string): Promise<SilentHub> {
  const held = new Set<net.Socket>();
  const cert = await hubCertificate(dataDir, [lan]);
  const server = tls.createServer({ cert: cert.cert, key: cert.key }, (socket) => {
    socket.on('error', () => undefined);
  });
  // The TCP connection, as soon as it is accepted (its handshake may not have begun).
  server.on('connection', (socket: net.Socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', resolve);
  });
  return {
    server,
    close: async () => {
      const closed = new Promise((r) => server.close(r));
      for (const s of held) s.destroy();
      await closed;
    },
  };
}
