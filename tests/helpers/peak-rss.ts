import fs from 'node:fs';

/**
 * This process's peak resident memory in MB: the high-water mark of its own image (VmHWM, worker
 * threads included). Not process.resourceUsage().maxRSS alone: Linux carries the RSS the parent
 * had when it forked across exec into the child's maxRSS, so a child of a 570 MB test worker
 * reported 571 MB whatever it did (the unit phase's workers grow as they run files). The same in
 * tests/helpers/max-rss.mjs. Elsewhere than Linux, maxRSS.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
