// The kiosk's hub switch as the Electron main process holds it (electron/main/lazy-hub.ts): the
// hub's code (HTTPS, certificates, the join QR, the live stream) is loaded when the switch is
// turned on, or at start when hub-switch.json says it was on, and not otherwise. The real
// HubSwitch on a real data folder; `load` only counts the imports. What the build does with the
// dynamic import is checked on the bundle (tests/e2e/built-main-chunks.spec.ts).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { openContext } from '../../electron/core/open-context';
import { LazyHub } from '../../electron/main/lazy-hub';
import { HubSwitch } from '../../electron/web/hub-switch';
import { hubSwitchFile } from '../../electron/web/hub-switch-file';
import { RESOURCES, tempDir, testWorkerEntry } from '../helpers/ctx';

const open: Ctx[] = [];
const hubs: LazyHub[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.shutdown();
  for (const c of open.splice(0)) c.db.close();
});

function kiosk(folder: string) {
  const ctx = openContext(folder, 'electron', RESOURCES, { actor: 'test', jobsWorker: testWorkerEntry() });
  open.push(ctx);
  const staticDir = tempDir();
  fs.writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>Hadir</title>');
  let loads = 0;
  const hub = new LazyHub(ctx, staticDir, () => (loads++, import('../../electron/web/hub-switch')));
  hubs.push(hub);
  return { ctx, hub, loads: () => loads, staticDir };
}

describe('the kiosk loads the hub only when the switch is on', () => {
  it('off: start, status, the kiosk’s own scans and quitting load nothing, and the status is the switch’s own', async () => {
    const k = kiosk(tempDir());
    await k.hub.resume();
    const status = await k.hub.status();
    k.hub.observe('checkin.scan', { desk: 'Meja 1' }, true);
    await k.hub.shutdown();
    expect(k.loads()).toBe(0);
    expect(k.hub.isLoaded).toBe(false);
    expect(fs.existsSync(hubSwitchFile(k.ctx.dataDir))).toBe(false);
    // What a loaded switch that was never opened says, word for word.
    expect(status).toEqual(await new HubSwitch(k.ctx, k.staticDir).status());
  });

  it('turned on, it loads once and opens; after a restart it loads and opens again; turned off, the next start loads nothing', async () => {
    const folder = tempDir();
    const first = kiosk(folder);
    const a = await first.hub.open({ port: 0 });
    expect(a.open).toBe(true);
    expect(first.loads()).toBe(1);
    expect((await first.hub.status()).info!.deskUrls).toEqual(a.info!.deskUrls);
    expect(first.loads()).toBe(1);
    await first.hub.shutdown(); // the kiosk quits with the switch on

    const second = kiosk(folder);
    await second.hub.resume();
    expect(second.loads()).toBe(1);
    expect(await second.hub.status()).toMatchObject({ open: true, info: { deskUrls: a.info!.deskUrls } }); // same port and key
    expect((await second.hub.close()).open).toBe(false);
    await second.hub.shutdown();

    const third = kiosk(folder);
    await third.hub.resume();
    expect(third.loads()).toBe(0);
    expect((await third.hub.status()).open).toBe(false);
  });
});
