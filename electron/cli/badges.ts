import type { Command } from 'commander';
import { call, CliFailure, openCli } from './run';

export function badgeCommands(program: Command) {
  const badges = program.command('badges').description('print name tags, or replace a lost one');
  badges
    .command('reissue <id>')
    .description("give a participant a new badge code (lost badge); the old code then scans as 'badge replaced'")
    .option('--data-dir <dir>', 'data folder')
    .action(async (id: string, o) => {
      if (!/^\d+$/.test(id)) throw new CliFailure(`Participant id must be a number: ${id}`, 2);
      const r = await call(openCli(o.dataDir), 'badges.reissue', { id: Number(id) });
      // The new code alone on stdout, so a script can use it; the rest goes to stderr.
      console.error(`${r.participant.name}: ${r.oldCode} replaced on ${r.replacedAt.slice(0, 10)}`);
      console.log(r.newCode);
    });
  return badges;
}
