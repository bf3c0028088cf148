import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openContext } from '../core/open-context';
import { resolveDataDir } from '../core/system/data-dir';
import { createWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.HADIR_PORT ?? '5174' },
    // Loopback only unless the organiser asks: the host has no login yet (see README).
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    static: { type: 'string', default: path.join(root, 'out/renderer') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`hadir web: invalid --port ${values.port}`);
  process.exit(2);
}

let ctx;
try {
  ctx = openContext(resolveDataDir(values['data-dir']), 'web', path.join(root, 'resources'));
} catch (e) {
  console.error(`hadir web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(values.host!);
const server = createWebHost({ ctx, staticDir: path.resolve(values.static!), loopbackOnly });
server.listen(port, values.host, () => {
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  console.log(`Hadir web host: http://${values.host}:${actual}/  (data: ${ctx.dataDir})`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost') {
    console.warn('Warning: listening beyond this computer; anyone on the network can use the kiosk.');
  }
});
const stop = () => {
  server.closeAllConnections(); // browsers keep connections alive; close() would wait for them
  server.close(() => (ctx.db.close(), process.exit(0)));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
