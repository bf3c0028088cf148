// Runs a Node program as if started on its own (`node <script> args…`) and, as it exits,
// writes its peak memory and CPU time to the file named by MAX_RSS_FILE as JSON
// { maxRssMb, cpuMs }: what /usr/bin/time would say, without needing /usr/bin/time.
// Usage: MAX_RSS_FILE=out.json node tests/helpers/max-rss.mjs bin/hadir.mjs participants import …
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const out = process.env.MAX_RSS_FILE;
if (!script || !out) throw new Error('usage: MAX_RSS_FILE=<file> node max-rss.mjs <script> [args…]');
const main = path.resolve(script);
process.argv = [process.argv[0], main, ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  // The high-water mark of this process image, worker threads included: VmHWM, as
  // tests/helpers/peak-rss.ts says why (Linux carries the parent's RSS at fork into maxRSS).
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '');
  const maxRssMb = hwm ? Number(hwm[1]) / 1024 : u.maxRSS / 1024;
  fs.writeFileSync(out, JSON.stringify({ maxRssMb, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
await import(pathToFileURL(main).href);
