// Measurement tool (docs/engineering/checkin-decoder.md): which two views of the desk's square read the most webcam-like frames within two frames.
// Step 1 (FRAMES=make): make the checkin bench's 220 webcam-like frames (tests/bench/checkin.ts frames())
// with today's A4-10 tag (42 mm QR) and with the old one (35 mm, 4-module quiet zone), cache the
// square each decodes (720x720 RGBA) in /tmp/dec4/<tag>/.
import fs from 'node:fs';
import path from 'node:path';
import { SHEETS } from '../../electron/core/badges/sheets';
import { RESOURCES } from '../helpers/ctx';
import { checkinFrames, roiOf } from '../helpers/checkin-frames';

const out = process.env.OUT ?? '/tmp/dec4';
for (const [name, qr, quiet] of [
  ['qr42', 42, 2],
  ['qr35', 35, 4],
] as const) {
  const dir = path.join(out, name);
  if (fs.existsSync(path.join(dir, 'index.json'))) continue;
  fs.mkdirSync(dir, { recursive: true });
  Object.assign(SHEETS['a4-10'].tag, { qr, quiet });
  const f = await checkinFrames(RESOURCES, { degraded: { webcam: Number(process.env.N ?? 220) } });
  const index = f.degraded.map((fr, i) => {
    const roi = roiOf(fr);
    fs.writeFileSync(path.join(dir, `${i}.rgba`), roi.data);
    return { file: `${i}.rgba`, size: roi.width, payload: fr.payload, kind: fr.kind };
  });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  console.log(name, index.length, 'frames');
}
