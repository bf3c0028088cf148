import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../../../electron/core/context';
import { openContext } from '../../../electron/core/open-context';
import { Hub, listenBoth } from '../../../electron/web/hub';
import { hubCertificate, type HubCertificate } from '../../../electron/web/hub-cert';
import { webHandler } from '../../../electron/web/server';
import { RESOURCES, ROOT, tempDir } from '../../helpers/ctx';

/** This machine's first venue-network (non-loopback IPv4) address: a desk on "the LAN". */
export function lanAddress(): string | null {
  const all = Object.values(os.networkInterfaces()).flat();
  return all.find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? null;
}

export interface StartedHub {
  /** The desk address on the LAN: https://<lan ip>:<port>/ */
  lanUrl: string;
  /** The hub laptop's own address: http://127.0.0.1:<port>/ */
  localUrl: string;
  dataDir: string;
  ctx: Ctx;
  hub: Hub;
  cert: HubCertificate;
  stop: () => Promise<void>;
}

/**
 * A hub as `npm run web -- --host 0.0.0.0` starts it (main.ts): the certificate made in the data
 * folder for the LAN address, HTTPS and loopback HTTP on one port, the built renderer.
 */
export async function startHub(key: string, lan: string): Promise<StartedHub> {
  const dataDir = tempDir('hadir-hub-');
  const ctx = openContext(dataDir, 'web', RESOURCES);
  const cert = await hubCertificate(dataDir, [lan]);
  const hub = new Hub(key, cert, [lan]);
  const server = listenBoth(cert, webHandler({ ctx, staticDir: path.join(ROOT, 'out/renderer'), loopbackOnly: false, hub }));
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  hub.port = (server.address() as AddressInfo).port;
  const stop = async () => {
    hub.live.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    ctx.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { lanUrl: `https://${lan}:${hub.port}/`, localUrl: `http://127.0.0.1:${hub.port}/`, dataDir, ctx, hub, cert, stop };
}
