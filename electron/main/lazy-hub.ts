// The kiosk's "Buka untuk meja lain" switch (web/hub-switch.ts), loaded the first time it is used:
// the HTTPS hub brings its certificate library (@peculiar/x509), the join QR's encoder (qrcode),
// the HTTP server, the desk registry and the live stream, which a kiosk whose switch is off (most
// of them) never runs. Imported after `ready` (a dynamic import before it is what the Electron
// ESM caveat warns of; index.ts keeps everything before `ready` static). tests/e2e/
// built-main-chunks.spec.ts checks in the build that the hub is a chunk index.js does not import.
import type { Ctx } from '../core/context';
import type { HubControl } from '../core/system/hub-control';
import { kioskPinSet } from '../core/system/kiosk-pin';
import type { HubStatus } from '../shared/hub';
import type { OpName } from '../shared/op-names';
import type { HubSwitch } from '../web/hub-switch';
import { hubSwitchFile, readSwitch } from '../web/hub-switch-file';

type Load = () => Promise<{ HubSwitch: typeof HubSwitch }>;

export class LazyHub implements HubControl {
  private loading: Promise<HubSwitch> | null = null;
  /** The switch once loaded: the kiosk's operations then reach the desks through it. */
  private loaded: HubSwitch | null = null;

  constructor(
    private readonly ctx: Ctx,
    /** The built renderer the desks load (out/renderer). */
    private readonly staticDir: string,
    private readonly load: Load = () => import('../web/hub-switch'),
  ) {}

  /** Whether the hub's code was loaded (for the tests: a kiosk with the switch off never loads it). */
  get isLoaded(): boolean {
    return this.loaded !== null;
  }

  /** Never opened in this run: closed, as HubSwitch says it is, without loading it to say so. */
  status(): Promise<HubStatus> {
    if (this.loading) return this.hub().then((h) => h.status());
    return Promise.resolve({ available: true, open: false, fixed: false, pinSet: kioskPinSet(this.ctx), info: null });
  }

  open(input: { port?: number }): Promise<HubStatus> {
    return this.hub().then((h) => h.open(input));
  }

  // Close, a new key and revoking a desk go to the switch itself (loading it when needed) so that
  // their answers and refusals ("not open") are its own, word for word.
  close(): Promise<HubStatus> {
    return this.hub().then((h) => h.close());
  }

  newKey(): Promise<HubStatus> {
    return this.hub().then((h) => h.newKey());
  }

  revoke(id: string): Promise<HubStatus> {
    return this.hub().then((h) => h.revoke(id));
  }

  /** At start: the hub is loaded and opened again only when hub-switch.json says it was on. */
  async resume(): Promise<void> {
    if (readSwitch(hubSwitchFile(this.ctx.dataDir)).open) await (await this.hub()).resume();
  }

  /** The kiosk is stopping: a loaded hub stops its listener; an unloaded one has nothing to stop. */
  async shutdown(): Promise<void> {
    if (this.loading) await (await this.hub()).shutdown();
  }

  /**
   * An operation of the kiosk's own window. Before the hub was loaded no desk can be listening
   * (the listener, the live stream and the desk list are all in it), so there is no one to tell.
   */
  observe(op: OpName, input: unknown, ok: boolean): void {
    this.loaded?.observe(op, input, ok);
  }

  private hub(): Promise<HubSwitch> {
    this.loading ??= this.load().then(
      ({ HubSwitch }) => (this.loaded = new HubSwitch(this.ctx, this.staticDir)),
      (e: unknown) => {
        this.loading = null; // the next click tries again
        throw e;
      },
    );
    return this.loading;
  }
}
