// Preloaded through NODE_OPTIONS (`--import`), which Node applies to every thread, job workers
// included (their own execArgv does not carry it): records each module any thread loads as
// "<threadId> <url>", one line per load, appended at once to LOADED_MODULES_OUT (a job worker is
// terminated, not exited, so nothing is left for an exit handler to write).
import fs from 'node:fs';
import { registerHooks } from 'node:module';
import { threadId } from 'node:worker_threads';

registerHooks({
  load(url, context, next) {
    fs.appendFileSync(process.env.LOADED_MODULES_OUT, `${threadId} ${url}\n`);
    return next(url, context);
  },
});
