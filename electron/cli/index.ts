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
  // `hadir doctor`: its worker starts now, and its options are read without commander and the
  // other commands; anything else (--help, a mistyped option) goes to commander (doctor-early.ts).
  const early = args[0] === 'doctor' ? await import('./doctor-early') : null;
  const doctor = early?.doctorArgs(args.slice(1)) ?? null;
  if (early && doctor) {
    early.startDoctorWorker(doctor.full);
    // `hadir doctor | head -1`: the reader went away, as program.ts says it.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
    try {
      await (await import('./doctor')).runDoctorCommand(doctor);
    } catch (e) {
      // As program.ts words a failure: one line.
      console.error(`hadir: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      process.exitCode = 1;
    }
  } else await import('./program');
}
