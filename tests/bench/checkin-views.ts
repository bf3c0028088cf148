// Measurement tool (docs/engineering/checkin-decoder.md), step 1 of 2: make the checkin bench's
// webcam-like frames (tests/helpers/checkin-frames.ts, N of them, 220 unless told) with today's
// A4-10 tag (42 mm QR) and with the old one (35 mm, 4-module quiet zone), and cache the square each
// is decoded from (720x720 RGBA) in $OUT/<tag>/ (/tmp/dec4 unless told). Step 2:
// checkin-views-eval.ts. Run with `npx tsx tests/bench/checkin-views.ts`.
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
