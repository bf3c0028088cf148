import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Ctx } from '../../../electron/core/context';
import { builtWorkerEntry } from '../../../electron/core/jobs/worker-entry';
import { openContext } from '../../../electron/core/open-context';
import { HubSwitch } from '../../../electron/web/hub-switch';
import { createWebHost } from '../../../electron/web/server';
import { RESOURCES, ROOT, tempDir } from '../../helpers/ctx';

/**
 * The kiosk as `npm run web` (127.0.0.1) starts it, with its "Buka untuk meja lain" switch
 * (web/hub-switch.ts) on its context: the hub screen opens the LAN listener through hub.open.
 */
export async function startKiosk(): Promise<{ url: string; ctx: Ctx; sw: HubSwitch; stop: () => Promise<void> }> {
  const dataDir = tempDir('hadir-kiosk-');
  const ctx = openContext(dataDir, 'web', RESOURCES, { jobsWorker: builtWorkerEntry(path.join(ROOT, 'out/main')) });
  const staticDir = path.join(ROOT, 'out/renderer');
  const sw = new HubSwitch(ctx, staticDir);
  ctx.hub = sw;
  const server = createWebHost({ ctx, staticDir, hubSwitch: sw });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    await sw.shutdown();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    ctx.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}/`, ctx, sw, stop };
}
