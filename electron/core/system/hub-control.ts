// The hub operations (issue 19, item 1: the kiosk's own "Buka untuk meja lain" switch). The LAN
// listener itself is the web layer's (electron/web/hub-switch.ts: HTTPS, certificate, desks);
// core cannot import it, so the host that can open one (the Electron main process, the web host)
// puts it on the context as `ctx.hub`, and these handlers only reach it. The CLI has none.
import type { HubStatus } from '../../shared/hub';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import type { Ctx } from '../context';
import { kioskPinSet } from './kiosk-pin';

/** Start, stop and read the LAN listener of one open data folder. */
export interface HubControl {
  status(): Promise<HubStatus>;
  open(input: { port?: number }): Promise<HubStatus>;
  close(): Promise<HubStatus>;
  newKey(): Promise<HubStatus>;
  revoke(id: string): Promise<HubStatus>;
}

function control(ctx: Ctx): HubControl {
  if (ctx.hub) return ctx.hub;
  throw new HadirError(
    'conflict',
    'Membuka untuk meja lain hanya bisa dari kiosk atau host web, bukan dari baris perintah / Opening to other desks works from the kiosk or the web host only, not from the command line.',
    { hubUnavailable: 1 },
  );
}

export const hubHandlers: HandlerMap<'hub.status' | 'hub.open' | 'hub.close' | 'hub.newKey' | 'hub.revoke'> = {
  // Without a LAN listener to control (the CLI) the status says so instead of failing: a screen shows it.
  'hub.status': (ctx) =>
    ctx.hub ? ctx.hub.status() : { available: false, open: false, fixed: false, pinSet: kioskPinSet(ctx), info: null },
  'hub.open': (ctx, input) => control(ctx).open(input),
  'hub.close': (ctx) => control(ctx).close(),
  'hub.newKey': (ctx) => control(ctx).newKey(),
  'hub.revoke': (ctx, { id }) => control(ctx).revoke(id),
};
