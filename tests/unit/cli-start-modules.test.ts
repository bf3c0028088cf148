// A check-in from a script or a scanner hook, and `hadir doctor`, load what they need and nothing
// else (issue 21 item 5: the CLI starts in ≤ 250 ms). Before, the dispatch imported every domain's
// handlers (badges, certificates, reports, the import with its parsers, fontkit through the font
// coverage), and every command module imported the dispatch: a check-in loaded ~220 modules and
// paid ~0.2 s for them before it scanned. Structure, not time: what is loaded is named.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ROOT, tempCtx } from '../helpers/ctx';
import { cliLoaded, handlerFiles, HEAVY_PACKAGES, packagesOf } from '../helpers/cli-loaded';

const CLI = path.join(ROOT, 'electron/cli/index.ts');

async function demoFolder(): Promise<{ dir: string; code: string }> {
  const ctx = tempCtx();
  await dispatch(ctx, 'event.createDemo', {});
  const list = await dispatch(ctx, 'participants.list', { limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  ctx.db.close();
  return { dir: ctx.dataDir, code: list.value.rows[0]!.code };
}

describe('CLI start-up: what a check-in and the doctor load', () => {
  it('`hadir checkin` loads the check-in handlers (and event.get), no other domain, no PDF, font, workbook or zip library', async () => {
    const { dir, code } = await demoFolder();
    const r = cliLoaded(CLI, ['checkin', code, '--day', '1', '--data-dir', dir], { tsx: true });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'green', participant: { code } });

    expect(packagesOf(r.modules).filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    // deskScopeOf asks event.get for the kiosk's event; the scan itself is the check-in domain.
    expect(handlerFiles(r.modules)).toEqual(['electron/core/checkin/handlers.ts', 'electron/core/event/handlers.ts']);
    const elsewhere = r.modules.filter((m) =>
      /^electron\/core\/(badges|certificates|reports|payments|pdf|qr|participants\/import)\//.test(m),
    );
    // Two small helpers are shared: the QR's event tag (a scan checks it) and the name fold a
    // walk-in's duplicate check uses (the import's too).
    const shared = ['electron/core/qr/event-tag.ts', 'electron/core/participants/import/normalise-key.ts'];
    expect(elsewhere.filter((m) => !shared.includes(m))).toEqual([]);
    // Validated with the check-in's and the event's parts of the contract, not the whole of it
    // (building every operation's zod schemas was a third of what was left).
    const schemas = r.modules.filter((m) => /^electron\/shared\/(contract|certificates|reports|payments|badges|backup|jobs|import|reconciliation|event-transfer)\.ts$/.test(m));
    expect(schemas).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('`hadir doctor` loads no dispatch, contract or handler on its own thread (its job worker renders the test sheet)', async () => {
    const { dir } = await demoFolder();
    const r = cliLoaded(CLI, ['doctor', '--json', '--data-dir', dir], { tsx: true });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { checks: { check: string; state: string }[] };
    expect(report.checks.find((c) => c.check === 'worker')).toMatchObject({ state: 'ok' });

    expect(packagesOf(r.modules).filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    expect(handlerFiles(r.modules)).toEqual([]);
    expect(r.modules.filter((m) => /^electron\/(core\/dispatch|shared\/contract|core\/open-context)\.ts$/.test(m))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
