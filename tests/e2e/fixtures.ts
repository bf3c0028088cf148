import { test as base } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { openContext } from '../../electron/core/open-context';
import { builtWorkerEntry } from '../../electron/core/jobs/worker-entry';
import { createWebHost, type WebHostOptions } from '../../electron/web/server';
import { RESOURCES, ROOT, tempDir } from '../helpers/ctx';
import { guardPrograms } from '../helpers/programs';

// A test that runs a missing program (pdftoppm, zbarimg, ffmpeg, convert…) is skipped with the
// program and its package named, never failed with a bare ENOENT nor passed (README).
guardPrograms((reason) => {
  base.info().skip(true, reason);
  throw new Error(reason);
});
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Host {
  url: string;
  dataDir: string;
  /** The same database the host serves, for asserting what was really stored. */
  ctx: Ctx;
}

/**
 * A web host on a free port with its own data folder, serving the BUILT renderer (out/renderer,
 * made by `npm run build`) over the real operations and SQLite file.
 */
export async function startHost(options: Partial<WebHostOptions> = {}): Promise<Host & { stop: () => Promise<void> }> {
  const dataDir = tempDir('hadir-e2e-');
  // The job worker from the same build as the renderer (out/main/jobs-worker.js), as the kiosk
  // runs it: plain JavaScript, where the sources' worker would compile through tsx on every job.
  const ctx = openContext(dataDir, 'web', RESOURCES, { jobsWorker: builtWorkerEntry(path.join(ROOT, 'out/main')) });
  const server = createWebHost({ ctx, staticDir: path.join(ROOT, 'out/renderer'), ...options });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    // The browser may still hold keep-alive connections: close() alone would wait for them.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    ctx.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}/`, dataDir, ctx, stop };
}

/** Every test gets its own web host and data folder (startHost). */
export const test = base.extend<{ host: Host; consoleGuard: void; chromiumGuard: void }>({
  // Set up before the page (auto fixtures come first): without Chromium the test is skipped with
  // the reason, rather than failing in the browser launch.
  chromiumGuard: [
    async ({}, use) => {
      const reason = `skipped: needs Chromium at ${chromium} (Debian/Ubuntu: apt-get install chromium; elsewhere set CHROMIUM_PATH); see README.md`;
      if (!fs.existsSync(chromium) || (process.env.HADIR_TEST_HIDE_PROGRAMS ?? '').split(',').includes('chromium')) {
        console.warn(`[hadir tests] ${reason}`);
        base.skip(true, reason);
      }
      await use();
    },
    { auto: true },
  ],
  // Every page runs under the kiosk's production CSP (the web host sends it): a violation, or any
  // uncaught error, fails the test that caused it.
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await use();
      base.expect(problems).toEqual([]);
    },
    { auto: true },
  ],
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';

export const SHOTS = path.join(ROOT, 'test-results', 'screens');
