import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { newAccessKey } from './access-key';
import type { HubCertificate } from './hub-cert';
import { DeskRegistry, type DeskEntry } from './hub-desks';
import { DeskStore, hubDesksFile } from './hub-desk-store';
import { LiveFeed } from './live';

/**
 * The hub: the web host when it is open to the venue network (issue 19, item 1). It holds what
 * changes while it runs (the access key, which "new key" replaces) and what the hub screen shows
 * (the desk addresses, the certificate to install). The web host (server.ts) reads the key from
 * here on every request, so a new key drops every desk at once.
 */
export class Hub {
  private currentKey: string;
  /** The port the host listens on, once it does (the addresses on the hub screen need it). */
  port = 0;
  /** The live stream of every desk; shared with the kiosk's own host when the kiosk's switch opened this hub. */
  readonly live: LiveFeed;
  private readonly ownsLive: boolean;
  /** The desks that joined (each with its token and role), and the hub laptop's own (hub-desks.ts). */
  readonly registry: DeskRegistry;
  /** Wrong organiser PINs in a row at /hub/join, and until when joining with a PIN is locked. */
  pinTries = { wrong: 0, lockedUntil: 0 };

  constructor(
    key: string,
    readonly cert: HubCertificate,
    /** This laptop's venue-network addresses (IPv4, not loopback). */
    readonly addresses: string[],
    /**
     * The data folder: joined desks are kept there (hub-desk-store.ts), so a restarted hub with
     * the same key keeps them. Left out, they live in memory only (unit tests, the benchmark).
     */
    keep?: { dataDir: string; onError?: (e: unknown) => void },
    /** The kiosk's own live feed (hub-switch.ts): its window's scans reach the desks, and theirs it. */
    live?: LiveFeed,
  ) {
    this.currentKey = key;
    this.live = live ?? new LiveFeed();
    this.ownsLive = !live;
    this.registry = new DeskRegistry(keep && new DeskStore(hubDesksFile(keep.dataDir), key), keep?.onError);
  }

  get key(): string {
    return this.currentKey;
  }

  /** A new random key: every desk, its token, and every open live stream, is refused until given it. */
  newKey(): string {
    this.currentKey = newAccessKey();
    this.registry.clear(this.currentKey);
    this.live.dropAll();
    return this.currentKey;
  }

  /** Revokes one desk: its token is refused from now on, its live stream ends; the others keep working. */
  revoke(id: string): boolean {
    const desk = this.registry.list().find((d) => d.id === id && !d.local);
    if (!desk || !this.registry.revoke(id)) return false;
    this.live.dropTagged(id);
    return true;
  }

  /** The hub is stopping: every live stream ends, the desks' last contacts are written. */
  close(): void {
    // A shared feed outlives this hub (the kiosk's own page keeps its stream); the LAN streams
    // end with the listener's connections (HubServer.closeAllConnections).
    if (this.ownsLive) this.live.close();
    this.registry.flush();
  }

  /** Notes an operation by the hub laptop's own desk (its name is in every recording operation's input). */
  sawDesk(name: string, address: string, at = new Date()): void {
    this.registry.sawLocal(name, address, at);
  }

  /** Every desk since the hub started (joined ones and the hub laptop's own), most recent first. */
  desks(): DeskEntry[] {
    return this.registry.list();
  }

  /** The address a desk opens, key included (what the hub screen shows as a QR code). */
  deskUrls(): string[] {
    return this.addresses.map((a) => `https://${a}:${this.port}/#key=${this.currentKey}`);
  }
}

/** A listening hub: HTTPS for the venue network, plain HTTP for this computer, on one port. */
export interface HubServer extends net.Server {
  /** Ends every open connection (browsers keep them alive; close() alone would wait). */
  closeAllConnections(): void;
}

/**
 * One port that speaks both TLS and plain HTTP: it looks at a connection's first byte (a TLS
 * handshake starts with 0x16) and hands it to the HTTPS or the HTTP server. A desk that opens
 * the `http://` link (staff keep doing that) is not left with "connection reset": the request
 * handler redirects it to https (server.ts), so plain HTTP serves data to 127.0.0.1 only.
 */
export function listenBoth(cert: HubCertificate, handler: http.RequestListener): HubServer {
  const secure = https.createServer({ cert: cert.cert, key: cert.key }, handler);
  const plain = http.createServer(handler);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  }) as HubServer;
  // A desk that drops the TLS handshake (it has not accepted the certificate yet) is no error.
  secure.on('tlsClientError', (_e, socket) => socket.destroy());
  server.closeAllConnections = () => {
    plain.closeAllConnections();
    secure.closeAllConnections();
    for (const s of sockets) s.destroy();
  };
  return server;
}
