import type { AddressInfo } from 'node:net';
import type { Ctx } from '../core/context';
import type { HubControl } from '../core/system/hub-control';
import { kioskPinSet } from '../core/system/kiosk-pin';
import { HadirError } from '../shared/errors';
import type { HubStatus } from '../shared/hub';
import type { OpName } from '../shared/op-names';
import { newAccessKey } from './access-key';
import { Hub, listenBoth, type HubServer } from './hub';
import { hubCertificate } from './hub-cert';
import { hubInfoOf } from './hub-routes';
import { hubSwitchFile, readSwitch, writeSwitch } from './hub-switch-file';
import { lanAddresses } from './lan-addresses';
import { LiveFeed } from './live';
import { webHandler } from './server';

/** The port a hub listens on unless told otherwise (the web host's own default). */
export const DEFAULT_HUB_PORT = 5174;

/**
 * The kiosk's own "Buka untuk meja lain / Open to other desks" switch (issue 19, item 1): starts
 * and stops, for one open data folder, the same HTTPS hub `npm run web -- --host 0.0.0.0` is
 * (hub.ts, server.ts: certificate, key, desk tokens and roles, live stream) on every network
 * address, beside the kiosk's own window. Plain Node: the Electron main process and the web host
 * on 127.0.0.1 both put one on their context (`ctx.hub`), and the operations hub.open / hub.close
 * / hub.status reach it like any other operation (core/system/hub-control.ts).
 *
 * The live feed is the kiosk's and outlives the listener: the kiosk's own scans (IPC, or its
 * loopback host) go to the desks through `observe`/`live`, and the desks' scans reach the kiosk.
 */
export class HubSwitch implements HubControl {
  readonly live: LiveFeed;
  private running: { hub: Hub; server: HubServer } | null = null;
  /** Open, close, new key and resume run one at a time (two clicks must not start two listeners). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  constructor(
    private readonly ctx: Ctx,
    /** The built renderer the desks load (out/renderer). */
    private readonly staticDir: string,
    private readonly options: { addresses?: () => string[]; host?: string } = {},
  ) {
    this.file = hubSwitchFile(ctx.dataDir);
    this.live = new LiveFeed();
    this.live.countFrom(ctx);
  }

  async status(): Promise<HubStatus> {
    const r = this.running;
    return {
      available: true,
      open: r !== null,
      fixed: false,
      pinSet: kioskPinSet(this.ctx),
      info: r ? await hubInfoOf(r.hub, this.ctx) : null,
    };
  }

  /** Turns it on (already on: nothing changes) and remembers it, with its port and key, for the next start. */
  open({ port }: { port?: number } = {}): Promise<HubStatus> {
    return this.serial(async () => {
      if (!this.running) {
        const kept = readSwitch(this.file);
        await this.start(port ?? kept.port, port !== undefined, kept.key ?? newAccessKey());
      }
      return this.status();
    });
  }

  /** Turns it off: the LAN listener stops, every desk's connection and live stream ends; off after a restart too. */
  close(): Promise<HubStatus> {
    return this.serial(async () => {
      await this.stop();
      this.remember({ version: 1, open: false });
      return this.status();
    });
  }

  /** The kiosk is stopping: the listener stops, the switch stays as the organiser left it. */
  shutdown(): Promise<void> {
    return this.serial(() => this.stop());
  }

  /** At start: opens again when it was on when the kiosk stopped (same port when free, same key). */
  resume(): Promise<HubStatus> {
    return this.serial(async () => {
      const kept = readSwitch(this.file);
      if (kept.open && !this.running) {
        try {
          await this.start(kept.port, false, kept.key ?? newAccessKey());
        } catch (e) {
          // No network yet, say: the kiosk starts all the same, the hub screen offers the switch.
          this.ctx.log.warn({ err: e }, 'hub not reopened at start');
        }
      }
      return this.status();
    });
  }

  newKey(): Promise<HubStatus> {
    return this.serial(async () => {
      const hub = this.need();
      hub.newKey();
      this.remember({ version: 1, open: true, port: hub.port, key: hub.key });
      return this.status();
    });
  }

  async revoke(id: string): Promise<HubStatus> {
    if (!this.need().revoke(id)) throw new HadirError('not_found', 'Meja tidak ditemukan / No such desk');
    return this.status();
  }

  /** An operation of the kiosk's own window (IPC, or its loopback host): the desks hear of it. */
  observe(op: OpName, input: unknown, ok: boolean): void {
    this.live.published(op, input, ok);
    const desk = (input as { desk?: unknown } | null)?.desk;
    if (ok && typeof desk === 'string') this.sawDesk(desk, '127.0.0.1');
  }

  /** The kiosk's own desk, listed on the hub screen beside the joined ones. */
  sawDesk(name: string, address: string): void {
    this.running?.hub.sawDesk(name.slice(0, 40), address);
  }

  private async start(port: number | undefined, explicit: boolean, key: string): Promise<void> {
    const addresses = (this.options.addresses ?? lanAddresses)();
    if (addresses.length === 0) {
      throw new HadirError(
        'conflict',
        'Laptop ini belum tersambung ke jaringan: sambungkan ke Wi-Fi atau kabel tempat acara, lalu coba lagi / This laptop is on no network: join the venue Wi-Fi or cable, then try again.',
        { hubNoNetwork: 1 },
      );
    }
    const cert = await hubCertificate(this.ctx.dataDir, addresses);
    const log = this.ctx.log;
    const hub = new Hub(
      key,
      cert,
      addresses,
      { dataDir: this.ctx.dataDir, onError: (e) => log.warn({ err: e }, 'hub desk list not written') },
      this.live,
    );
    const server = listenBoth(cert, webHandler({ ctx: this.ctx, staticDir: this.staticDir, loopbackOnly: false, hub }));
    const host = this.options.host ?? '0.0.0.0';
    try {
      await listen(server, port ?? DEFAULT_HUB_PORT, host);
    } catch (e) {
      // The kept or default port is taken (the kiosk's own web host, another program): any free
      // one; the QR code shows it. A port the organiser asked for is not silently changed.
      if (explicit || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
        hub.close();
        throw listenRefusal(e as NodeJS.ErrnoException, port ?? DEFAULT_HUB_PORT);
      }
      await listen(server, 0, host);
    }
    server.on('error', (e) => log.error({ err: e }, 'hub listener error'));
    hub.port = (server.address() as AddressInfo).port;
    this.running = { hub, server };
    this.remember({ version: 1, open: true, port: hub.port, key });
    // The address, never the key: the log is read by people who should not get into the kiosk.
    log.info({ addresses, port: hub.port }, 'hub opened to other desks');
  }

  private async stop(): Promise<void> {
    const r = this.running;
    if (!r) return;
    this.running = null;
    r.hub.close();
    // Every desk's connection, its live stream included: closing alone would wait for kept-alive ones.
    r.server.closeAllConnections();
    await new Promise<void>((resolve) => r.server.close(() => resolve()));
    this.ctx.log.info('hub closed to other desks');
  }

  private need(): Hub {
    if (this.running) return this.running.hub;
    throw new HadirError('conflict', 'Belum dibuka untuk meja lain / Not open to other desks.', { hubClosed: 1 });
  }

  private remember(state: Parameters<typeof writeSwitch>[1]): void {
    try {
      writeSwitch(this.file, state);
    } catch (e) {
      // A read-only folder: the switch works, it is not remembered across a restart.
      this.ctx.log.warn({ err: e }, 'hub switch not written');
    }
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const p = this.queue.then(f, f);
    this.queue = p.catch(() => undefined);
    return p;
  }
}

function listen(server: HubServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => reject(e);
    server.once('error', fail);
    server.listen(port, host, () => (server.off('error', fail), resolve()));
  });
}

/** Why the listener could not start, Indonesian then English (the web host words the same cases). */
function listenRefusal(e: NodeJS.ErrnoException, port: number): HadirError {
  if (e.code === 'EADDRINUSE') {
    return new HadirError(
      'conflict',
      `Port ${port} sudah dipakai program lain / Port ${port} is already in use by another program.`,
      { hubPortInUse: port },
    );
  }
  if (e.code === 'EACCES') {
    return new HadirError('conflict', `Port ${port} memerlukan hak administrator / Port ${port} needs administrator rights.`, {
      hubPortDenied: port,
    });
  }
  return e instanceof HadirError
    ? e
    : new HadirError('conflict', `Tidak dapat membuka port ${port} / Cannot listen on port ${port} (${e.code ?? e.message}).`, {
        hubListen: port,
      });
}
