import { warnUndrawn } from './undrawn';
import fs from 'node:fs';
import type { Command } from 'commander';
import { BADGE_LAYOUTS, MAX_OFFSET_MM, type BadgeLayoutId } from '../shared/badge-layouts';
import { call, CliFailure, deskOptions, deskScopeOf, openCli } from './run';

/** "1.5,-2" -> { x: 1.5, y: -2 } (mm); with decimal commas, separate by a semicolon: "1,5;-2". */
export function parseOffset(v: string): { x: number; y: number } {
  const parts = v.includes(';') ? v.split(';').map((p) => p.replace(',', '.')) : v.split(',');
  const [x, y] = parts.map((p) => (p.trim() === '' ? NaN : Number(p.trim())));
  if (parts.length !== 2 || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new CliFailure(`--offset "${v}": expected X,Y in millimetres, e.g. --offset 1.5,-2`, 2);
  }
  if (Math.abs(x!) > MAX_OFFSET_MM || Math.abs(y!) > MAX_OFFSET_MM) {
    throw new CliFailure(`--offset "${v}": at most ${MAX_OFFSET_MM} mm each way`, 2);
  }
  return { x: x!, y: y! };
}

export function badgeCommands(program: Command) {
  const badges = program
    .command('badges')
    .description('print name tags as a PDF (all participants, or --only some), or replace a lost badge')
    .option('--layout <layout>', `${BADGE_LAYOUTS.join(' | ')}`)
    .option('--only <code-or-id...>', 'only these participants: badge codes or participant ids')
    .option('--offset <x,y>', 'printer offset in mm (default: the one saved for the layout)')
    .option('--out <file.pdf>', 'output file')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (!o.layout || !o.out) throw new CliFailure('Give --layout and --out, e.g. hadir badges --layout a4-8 --out tags.pdf', 2);
      if (!(BADGE_LAYOUTS as readonly string[]).includes(o.layout)) {
        throw new CliFailure(`--layout must be one of ${BADGE_LAYOUTS.join(', ')}`, 2);
      }
      const only: string[] = o.only ?? [];
      const f = await call(await openCli(o.dataDir, { worker: 'badges.render' }), 'badges.render', {
        layout: o.layout as BadgeLayoutId,
        whom: only.length ? { kind: 'ids', ids: only.map((v) => (/^\d+$/.test(v) ? Number(v) : v)) } : { kind: 'all' },
        offset: o.offset ? parseOffset(o.offset) : undefined,
      });
      fs.writeFileSync(o.out, f.bytes);
      console.log(`Wrote ${f.tags} tag(s) on ${f.pages} page(s) to ${o.out}`);
      warnUndrawn(f.undrawable);
    });
  deskOptions(
    badges
      .command('reissue <id>')
      .description("give a participant a new badge code (lost badge); the old code then scans as 'badge replaced'"),
  )
    .option('--data-dir <dir>', 'data folder')
    .action(async (id: string, _o, cmd: Command) => {
      if (!/^\d+$/.test(id)) throw new CliFailure(`Participant id must be a number: ${id}`, 2);
      // --data-dir may land on `badges` (it has the option too) or on `reissue`.
      const o = cmd.optsWithGlobals<{ dataDir?: string; event?: string; desk: string }>();
      const ctx = await openCli(o.dataDir);
      const r = await call(ctx, 'badges.reissue', { ...(await deskScopeOf(ctx, o)), id: Number(id) });
      // The new code alone on stdout, so a script can use it; the rest goes to stderr.
      console.error(`${r.participant.name}: ${r.oldCode} replaced on ${r.replacedAt.slice(0, 10)}`);
      console.log(r.newCode);
    });
  return badges;
}
