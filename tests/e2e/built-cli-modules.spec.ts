// What the compiled CLI (out/main/cli.js, needs `npm run build`) loads for a check-in and for
// `hadir doctor` (issue 21 item 5: ≤ 250 ms as whole processes). The unit test
// (tests/unit/cli-start-modules.test.ts) checks the sources; this checks the build: each chunk
// loaded is mapped back to the sources and bundled packages it holds (the build's region
// comments), so a chunk that merges a check-in module with a PDF one is caught too. zod and
// commander are bundled: ~100 files resolved one by one cost more than the check-in's own work.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, tempDir } from '../helpers/ctx';
import { cliLoaded, cliLoadedByThread, handlerFiles, HEAVY_PACKAGES, packagesOf, sourcesOfChunk } from '../helpers/cli-loaded';

const CLI = path.join(ROOT, 'out/main/cli.js');

/** The sources behind what a compiled command loaded: chunks expanded, packages as they are. */
function expand(modules: string[]): { sources: string[]; external: string[] } {
  const sources: string[] = [];
  const external: string[] = [];
  for (const m of modules) {
    if (m.startsWith('out/main/')) sources.push(...sourcesOfChunk(path.join(ROOT, m)));
    else if (m.startsWith('node_modules/')) external.push(m);
  }
  return { sources, external };
}

test('the compiled check-in loads the check-in and event handlers only, zod and commander bundled, no PDF/font/workbook library', () => {
  const dir = tempDir('hadir-cli-modules-');
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(run('event', 'demo').status).toBe(0);
    const code = run('participants', 'list').stdout.split('\n')[0]!.split(/\s+/)[0]!;

    const r = cliLoaded(CLI, ['checkin', code, '--day', '1', '--data-dir', dir], { tsx: false });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'green', participant: { code } });

    const { sources, external } = expand(r.modules);
    expect(sources).toContain('electron/core/checkin/scan.ts');
    // Packages loaded from node_modules: the SQLite binding alone (zod and commander are in chunks).
    expect(packagesOf(external)).toEqual(['better-sqlite3']);
    expect(packagesOf(sources).filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    expect(handlerFiles(sources)).toEqual(['electron/core/checkin/handlers.ts', 'electron/core/event/handlers.ts']);
    const shared = ['electron/core/qr/event-tag.ts', 'electron/core/participants/import/normalise-key.ts'];
    expect(
      sources.filter((s) => /^electron\/core\/(badges|certificates|reports|payments|pdf|qr|participants\/import)\//.test(s) && !shared.includes(s)),
    ).toEqual([]);
    // Validated with the check-in's and the event's parts of the contract, not the whole of it.
    expect(sources.filter((s) => /^electron\/shared\/(contract|certificates|reports|payments|badges|backup|jobs|import)\.ts$/.test(s))).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the compiled `hadir doctor` loads no dispatch, contract or handler on its main thread', () => {
  const dir = tempDir('hadir-cli-modules-');
  try {
    expect(spawnSync(process.execPath, [CLI, 'event', 'demo', '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 }).status).toBe(0);
    const r = cliLoaded(CLI, ['doctor', '--json', '--data-dir', dir], { tsx: false });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { checks: { check: string; state: string }[] };
    expect(report.checks.find((c) => c.check === 'worker')).toMatchObject({ state: 'ok' });

    const { sources, external } = expand(r.modules);
    expect(sources).toContain('electron/core/system/doctor-run.ts');
    expect(packagesOf([...external, ...sources]).filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    expect(handlerFiles(sources)).toEqual([]);
    expect(sources.filter((s) => /^electron\/(core\/dispatch|shared\/contract|core\/open-context)\.ts$/.test(s))).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// `hadir doctor` without --full: its job worker starts from the app's entry and answers, and no
// thread loads pdf-lib, fontkit or a renderer: loading them alone costs a worker about three bare
// Node starts (docs/engineering/cli-start.md). With --full the worker renders the device-check
// page, and the same listing shows pdf-lib and fontkit in it: the listing sees the worker.
test('the compiled `hadir doctor` loads no PDF or font library in any thread; `--full` does, in its worker only', () => {
  const dir = tempDir('hadir-cli-modules-');
  try {
    expect(spawnSync(process.execPath, [CLI, 'event', 'demo', '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 }).status).toBe(0);
    const run = (...flags: string[]) => {
      const r = cliLoadedByThread(CLI, ['doctor', '--json', ...flags, '--data-dir', dir], { tsx: false });
      expect(r.stderr).toBe('');
      const worker = (JSON.parse(r.stdout) as { checks: { check: string; state: string; message: string }[] }).checks.find((c) => c.check === 'worker');
      const threads = [...r.threads].map(([id, modules]) => {
        const { sources, external } = expand(modules);
        return { id, entry: modules[0], packages: packagesOf([...external, ...sources]), sources };
      });
      return { worker, threads };
    };

    const quick = run();
    expect(quick.worker).toMatchObject({ state: 'ok', message: expect.stringMatching(/starts and answers/) });
    // Its options are read without commander and the other commands' definitions, zod with them.
    expect(quick.threads[0]!.packages.filter((p) => ['commander', 'zod'].includes(p))).toEqual([]);
    expect(quick.threads[0]!.sources.filter((s) => /^electron\/cli\/(program|event|participants|badges|checkin)\.ts$/.test(s))).toEqual([]);
    // The main thread and one job worker, started from the built entry.
    expect(quick.threads.map((t) => t.id)).toEqual([0, 1]);
    expect(quick.threads[1]!.entry).toBe('out/main/jobs-worker.js');
    for (const t of quick.threads) {
      expect(t.packages.filter((p) => HEAVY_PACKAGES.includes(p)), `thread ${t.id}`).toEqual([]);
      expect(t.sources.filter((s) => /^electron\/core\/(badges|certificates|reports|pdf)\/|doctor-page\.ts$/.test(s)), `thread ${t.id}`).toEqual([]);
    }

    const full = run('--full');
    expect(full.worker).toMatchObject({ state: 'ok', message: expect.stringMatching(/made a PDF test page/) });
    expect(full.threads[0]!.packages.filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    expect(full.threads[1]!.packages).toEqual(expect.arrayContaining(['@cantoo/pdf-lib', 'fontkit']));
    expect(full.threads[1]!.sources).toContain('electron/core/system/doctor-page.ts');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
