import module from 'node:module';
import { APP_VERSION } from '../core/system/version';

// The CLI's entry: what every call pays before its command runs (issue 21 item 5: a check-in
// from a script or a scanner hook, `hadir --version`), so it loads nothing it does not need.
//
// Compiled code is cached on disk (Node's compile cache, in the system's temporary folder): the
// commands' modules and their packages are compiled once, not on every call. It changes no
// behaviour; where the folder cannot be written Node just compiles as before.
module.enableCompileCache?.();

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Commander's own answer, without loading the commands and everything they import.
  console.log(APP_VERSION);
} else {
  // `hadir doctor`: its worker starts now, and loads beside the commands (cli/doctor-early.ts).
  if (args[0] === 'doctor' && !args.includes('--help') && !args.includes('-h'))
    (await import('./doctor-early')).startDoctorWorker(args.includes('--full'));
  await import('./program');
}
