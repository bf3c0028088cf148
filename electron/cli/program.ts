import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../core/system/version';
import { badgeCommands } from './badges';
import { certificateCommands } from './certificates';
import { checkinCommands } from './checkin';
import { eventCommands } from './event';
import { participantCommands } from './participants';
import { backupCommands } from './backup';
import { reportCommands } from './report';
import { CliFailure } from './run';
import { doctorCommand } from './doctor';
import { paymentCommands } from './payments';

const program = new Command('hadir')
  .description('Hadir kiosk: command line over the same database and rules as the app')
  .version(APP_VERSION)
  .exitOverride()
  .showHelpAfterError(false);

eventCommands(program);
participantCommands(program);
backupCommands(program);
reportCommands(program);
badgeCommands(program);
checkinCommands(program);
certificateCommands(program);
doctorCommand(program);
paymentCommands(program);

// `hadir participants list | head -1`: the reader has gone away, which is not a failure of ours.
// Without this, Node reports the broken pipe (EPIPE) as an uncaught error with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version also arrive here, with exit code 0.
    process.exit(e.exitCode);
  }
  const msg = e instanceof Error ? e.message : String(e);
  console.error(`hadir: ${msg.split('\n')[0]}`);
  process.exit(e instanceof CliFailure ? e.exitCode : 1);
}
