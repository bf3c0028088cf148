// Preloaded (`node --import`) by tests that ask which files a command or module loads: records
// every module URL loaded on the main thread and prints them, one per line, to the file named
// by LOADED_MODULES_OUT when the process exits.
import fs from 'node:fs';
import { registerHooks } from 'node:module';

const seen = new Set();
registerHooks({
  load(url, context, next) {
    seen.add(url);
    return next(url, context);
  },
});
process.on('exit', () => fs.writeFileSync(process.env.LOADED_MODULES_OUT, [...seen].join('\n') + '\n'));
