// The hub for the desks benchmark (issue 19), in its own process so its CPU and memory are its
// own: a data folder with a congress event of N participants (today is day 1), the web host as
// `npm run web -- --host 0.0.0.0` starts it (certificate, HTTPS and loopback HTTP on one port).
// Talks to the benchmark over IPC: 'ready' with the port, key, certificate and badge texts;
// 'usage' on request (CPU, RSS); 'count' (scans stored); 'stop'.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventTag } from '../../electron/core/qr/event-tag';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { importFile } from '../../electron/core/participants/import-commit';
import { badgePayload } from '../../electron/shared/badge-payload';
import { localDate } from '../../electron/shared/time-zone';
import { Hub, listenBoth } from '../../electron/web/hub';
import { hubCertificate } from '../../electron/web/hub-cert';
import { webHandler } from '../../electron/web/server';
import { peakRssMb } from '../helpers/peak-rss';

const [resources, countArg, lan] = process.argv.slice(2);
const KEY = 'K7Q2M9X4B1ZD';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-hub-'));
const ctx = openContext(dataDir, 'web', resources!);
const today = localDate(new Date(), 'Asia/Jakarta');
const created = await dispatch(ctx, 'event.create', {
  name: 'Kongres Bench',
  organiser: 'Bench',
  venue: 'Hall',
  city: 'Bandar Lampung',
  days: [today],
  signatoryName: 'Bench',
  signatoryTitle: 'Bench',
  signatoryNip: '',
});
if (!created.ok) throw new Error(created.error.message);
const event = created.value;
const lines = ['Nama Lengkap,Kabupaten/Kota,Peran'];
for (let i = 0; i < Number(countArg); i++) lines.push(`Peserta Kongres ${i},Kota Metro,${i % 10 ? 'Peserta' : 'Narasumber'}`);
await importFile(ctx, { eventId: event.id, desk: 'bench' }, { fileName: 'x.csv', bytes: Buffer.from(lines.join('\r\n')), skipInvalid: false });
const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(event.id) as { secret: Buffer };
const tag = eventTag(secret);
const badges = (ctx.db.prepare('SELECT code FROM participant ORDER BY id').all() as { code: string }[]).map((p) => badgePayload(tag, p.code));

const cert = await hubCertificate(dataDir, lan === '127.0.0.1' ? [] : [lan!]);
const hub = new Hub(KEY, cert, [lan!]);
const server = listenBoth(cert, webHandler({ ctx, staticDir: path.join(dataDir, 'none'), loopbackOnly: false, hub }));
await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
hub.port = (server.address() as AddressInfo).port;

process.on('message', (m: { type: string }) => {
  if (m.type === 'usage') {
    process.send!({ type: 'usage', cpu: process.cpuUsage(), rss: process.memoryUsage().rss, maxRss: peakRssMb() * 1024 * 1024 });
  } else if (m.type === 'count') {
    process.send!({ type: 'count', n: (ctx.db.prepare('SELECT COUNT(*) AS n FROM scan').get() as { n: number }).n });
  } else if (m.type === 'stop') {
    hub.live.close();
    server.closeAllConnections();
    server.close(() => {
      ctx.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ type: 'ready', port: hub.port, key: KEY, ca: cert.cert, eventId: event.id, badges });
