import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Ctx } from '../../../electron/core/context';
import { openContext } from '../../../electron/core/open-context';
import { Hub, listenBoth } from '../../../electron/web/hub';
import { hubCertificate } from '../../../electron/web/hub-cert';
import { webHandler } from '../../../electron/web/server';
import { RESOURCES, ROOT } from '../../helpers/ctx';

export interface RunningHub {
  ctx: Ctx;
  port: number;
  /** Stops serving and closes the database, as quitting `npm run web` does; the data folder stays. */
  stop: () => Promise<void>;
}

/** Files the hub serves late (a loaded hub laptop, a weak Wi-Fi): their path matches, each waits `ms`. */
export interface SlowFiles {
  path: RegExp;
  ms: number;
}

/**
 * A hub as start-hub.ts starts it, on a data folder and port the caller keeps: stopped and
 * started again on the same port and folder (its certificate, database and key), as an organiser
 * restarts the hub laptop's `npm run web -- --host 0.0.0.0` after it went away (issue 19's
 * hub-stop test). Port 0 picks a free one the first time.
 */
export async function runHub(key: string, lan: string, dataDir: string, port = 0, slow?: SlowFiles): Promise<RunningHub> {
  const ctx = openContext(dataDir, 'web', RESOURCES);
  const cert = await hubCertificate(dataDir, [lan]);
  // Its desks too, as main.ts keeps them: a desk goes on with its token after the restart.
  const hub = new Hub(key, cert, [lan], { dataDir });
  const handler = webHandler({ ctx, staticDir: path.join(ROOT, 'out/renderer'), loopbackOnly: false, hub });
  const server = listenBoth(
    cert,
    slow ? (req, res) => void (slow.path.test(req.url ?? '') ? setTimeout(() => req.socket.destroyed || handler(req, res), slow.ms) : handler(req, res)) : handler,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', resolve);
  });
  hub.port = (server.address() as AddressInfo).port;
  return {
    ctx,
    port: hub.port,
    stop: async () => {
      hub.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      ctx.db.close();
    },
  };
}
