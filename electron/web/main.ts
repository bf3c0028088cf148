import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openContext } from '../core/open-context';
import { logFile } from '../core/log/logger';
import { startBackupScheduler } from '../core/system/backup';
import { resolveDataDir } from '../core/system/data-dir';
import { holdDatabase } from '../core/system/db-holders';
import { HadirError } from '../shared/errors';
import { isLoopbackHost } from '../host/loopback';
import { newAccessKey } from './access-key';
import { accessKeyProblem, ACCESS_KEY_MIN_DISTINCT, ACCESS_KEY_MIN_LENGTH, type AccessKeyProblem } from '../shared/access-key';
import { createWebHost, webHandler } from './server';
import { Hub, listenBoth, type HubServer } from './hub';
import { hubCertificate, tlsDir } from './hub-cert';
import { HubSwitch } from './hub-switch';
import { lanAddresses as lanOnly } from './lan-addresses';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.HADIR_PORT ?? '5174' },
    // Loopback only unless the organiser asks; beyond loopback every operation needs the key.
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string', default: process.env.HADIR_WEB_KEY },
    'data-dir': { type: 'string' },
    static: { type: 'string', default: path.join(root, 'out/renderer') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`hadir web: invalid --port ${values.port}`);
  process.exit(2);
}

/** One line each, Indonesian then English, saying what to do (the host has no UI language yet). */
const KEY_PROBLEMS: Record<AccessKeyProblem, string> = {
  empty:
    'kunci akses kosong (--key / HADIR_WEB_KEY); hapus HADIR_WEB_KEY agar kunci acak dibuat, atau isi 12+ huruf dan angka / ' +
    'the access key is empty; unset HADIR_WEB_KEY for a random key, or give 12+ letters and digits. Not started.',
  characters:
    'kunci akses hanya boleh huruf dan angka (tanpa -, spasi atau tanda baca) / ' +
    'the access key may hold letters and digits only (no -, spaces or punctuation): desks would receive it cut short. Not started.',
  short: `kunci akses minimal ${ACCESS_KEY_MIN_LENGTH} huruf dan angka / the access key needs at least ${ACCESS_KEY_MIN_LENGTH} letters and digits. Not started.`,
  repetitive: `kunci akses terlalu mudah ditebak: pakai minimal ${ACCESS_KEY_MIN_DISTINCT} karakter berbeda, atau biarkan Hadir membuatnya / the access key is too easy to guess: use at least ${ACCESS_KEY_MIN_DISTINCT} different characters, or let Hadir make one. Not started.`,
};

const loopbackOnly = isLoopbackHost(values.host);
// Beyond this computer every operation needs the key: refuse to start without a usable one,
// before the data folder is touched. A fixed --key (or HADIR_WEB_KEY) keeps the desks'
// bookmarks across restarts; without one, a new random key is made at every start.
const accessKey = loopbackOnly ? undefined : (values.key ?? newAccessKey());
const keyProblem = accessKey === undefined ? null : accessKeyProblem(accessKey);
if (keyProblem) {
  console.error(`hadir web: ${KEY_PROBLEMS[keyProblem]}`);
  process.exit(2);
}

let ctx;
try {
  ctx = openContext(resolveDataDir(values['data-dir']), 'web', path.join(root, 'resources'));
} catch (e) {
  console.error(`hadir web: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof HadirError && e.code === 'db_damaged') {
    console.error(
      e.params?.backup
        ? `hadir web: pulihkan cadangan terbaru / restore the newest good backup (${e.params.backupAt}): npx hadir restore --latest${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}`
        : 'hadir web: tidak ada cadangan yang baik / there is no good backup; the file was not changed.',
    );
  }
  process.exit(1);
}
const staticDir = path.resolve(values.static!);
// Beyond this computer the host is a hub (issue 19): HTTPS with a certificate made for this
// laptop's addresses and kept in the data folder, plain HTTP for 127.0.0.1 only, on one port.
let hub: Hub | undefined;
let hubSwitch: HubSwitch | undefined;
let server: import('node:http').Server | HubServer;
if (accessKey === undefined) {
  // The kiosk's own "Buka untuk meja lain" switch (hub-switch.ts): the hub screen opens a LAN
  // listener beside this loopback host, through the hub.open operation.
  hubSwitch = new HubSwitch(ctx, staticDir);
  ctx.hub = hubSwitch;
  server = createWebHost({ ctx, staticDir, loopbackOnly, accessKey, hubSwitch });
} else {
  const addresses = values.host === '0.0.0.0' || values.host === '::' ? lanAddresses() : [values.host!];
  const cert = await hubCertificate(ctx.dataDir, addresses.filter((a) => a !== '127.0.0.1'));
  // Joined desks are kept in the data folder: a restart with the same --key keeps every desk.
  const log = ctx.log;
  hub = new Hub(accessKey, cert, addresses, { dataDir: ctx.dataDir, onError: (e) => log.warn({ err: e }, 'hub desk list not written') });
  // Its screen's hub.* operations answer "on, from the command line" (server.ts, hub-fixed.ts).
  server = listenBoth(cert, webHandler({ ctx, staticDir, loopbackOnly, hub }));
}
// Cannot listen: one line saying what to do (it was Node's unhandled 'error' with a stack trace).
server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(`hadir web: ${listenProblem(e, values.host!, port)}`);
  ctx.log.error({ err: e, host: values.host, port }, 'web host could not listen');
  ctx.db.close();
  process.exit(1);
});
server.listen(port, values.host, () => {
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  // Listening on every interface: print the addresses a desk can actually reach.
  const hosts = values.host === '0.0.0.0' || values.host === '::' ? lanAddresses() : [values.host!];
  console.log(`Hadir web host (data: ${ctx.dataDir}; log: ${logFile(ctx.dataDir)})`);
  // The note a restore from another process names (db-holders.ts), now with the address.
  const scheme = hub ? 'https' : 'http';
  holdDatabase(ctx.dataDir, { runtime: 'web', url: `${scheme}://${hosts[0]}:${actual}/` });
  // The address, never the key: the log is read by people who should not get into the kiosk.
  ctx.log.info({ host: values.host, port: actual, lan: !loopbackOnly }, 'web host listening');
  for (const h of hosts) console.log(`  open: ${scheme}://${h}:${actual}/${accessKey ? `#key=${accessKey}` : ''}`);
  if (hub) {
    hub.port = actual;
    // The hub screen (key as a QR code, new key, certificate) opens on this laptop over plain HTTP.
    console.log(`  hub screen (this laptop): http://127.0.0.1:${actual}/#key=${accessKey}&screen=hub`);
    console.log(`  certificate: ${tlsDir(ctx.dataDir)} (SHA-256 ${hub.cert.fingerprint})`);
  }
  if (accessKey) console.log('  Every desk needs the whole address, key included. Anyone with the key can see the data.');
  // On when this host last stopped: open to the desks again, same port and key (hub-switch-file.ts).
  void hubSwitch?.resume().then((s) => {
    if (s.open) for (const u of s.info!.deskUrls) console.log(`  open to other desks: ${u.replace(/#key=.*/, '')}`);
  });
});
// A backup every 10 minutes while anything changes, and one when the host is stopped.
const backups = startBackupScheduler(ctx);
const stop = () => {
  ctx.log.info('web host stopping');
  hub?.close();
  void hubSwitch?.shutdown();
  server.closeAllConnections(); // browsers keep connections alive; close() would wait for them
  server.close(() => void backups.stop().finally(() => (ctx.db.close(), process.exit(0))));
};
// A crash is written to the log before Node prints it and exits (the monitor changes nothing else).
process.on('uncaughtExceptionMonitor', (e, origin) => ctx.log.fatal({ err: e, origin }, 'web host crashed'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Why the host cannot listen, Indonesian then English, as the key problems are worded. */
function listenProblem(e: NodeJS.ErrnoException, host: string, port: number): string {
  switch (e.code) {
    case 'EADDRINUSE':
      return (
        `port ${port} sudah dipakai program lain (mungkin host web Hadir lain); hentikan program itu atau pakai --port lain / ` +
        `port ${port} is already in use (another Hadir web host?): stop that program, or start with --port and another number. Not started.`
      );
    case 'EADDRNOTAVAIL':
      return (
        `${host} bukan alamat komputer ini; pakai --host 0.0.0.0 untuk semua jaringan / ` +
        `${host} is not an address of this computer: use --host 0.0.0.0 for every network, or one of its own addresses. Not started.`
      );
    case 'EACCES':
      return (
        `port ${port} memerlukan hak administrator; pakai port di atas 1024 / ` +
        `port ${port} needs administrator rights: use a port above 1024 (the default is 5174). Not started.`
      );
    default:
      return `tidak dapat mendengarkan di ${host}:${port} / cannot listen on ${host}:${port} (${e.code ?? e.message}). Not started.`;
  }
}

function lanAddresses(): string[] {
  const v4 = lanOnly();
  return v4.length > 0 ? v4 : ['127.0.0.1'];
}
