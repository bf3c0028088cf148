import fs from 'node:fs';
import type { Command } from 'commander';
import { call, CliFailure, openCli } from './run';

/** `hadir event export|import`: one event as one file, to move it to another laptop. */
export function eventTransferCommands(event: Command) {
  event
    .command('export')
    .description('write the active event (participants, check-ins, logo, keys) to one .hadir file')
    .requiredOption('--out <file>', 'output file')
    .option('--event <id>', 'another event than the active one')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const f = await call(await openCli(o.dataDir), 'event.exportFile', o.event ? { eventId: Number(o.event) } : {});
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  event
    .command('import <file>')
    .description('add an event from a .hadir file (--merge: into the same event already here)')
    .option('--merge', "add the file's check-ins and participants into the same event already on this kiosk")
    .option('--replace', "the same event takes the file's details and participants (check-ins made here stay)")
    .option('--data-dir <dir>', 'data folder')
    .action(async (file: string, o) => {
      if (!fs.existsSync(file)) throw new CliFailure(`No such file: ${file}`, 2);
      const out = await call(await openCli(o.dataDir), 'event.importFile', {
        bytes: fs.readFileSync(file),
        mode: o.replace ? 'replace' : o.merge ? 'merge' : 'new',
      });
      const added = Object.entries(out.added)
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      const updated = Object.entries(out.updated)
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      const what = out.created ? 'event added' : o.replace ? 'replaced event' : 'merged into event';
      console.log(`${what} ${out.eventId}: ${added || 'nothing new'}${updated ? `; updated ${updated}` : ''}`);
    });
}
