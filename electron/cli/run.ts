import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../core/context';
import type { Command } from 'commander';
import type { DeskScope } from '../shared/desk';
import type { OpInput, OpOutput } from '../shared/contract';
import type { OpName } from '../shared/op-names';
import type { KindName } from '../core/jobs/kinds';
import type { OpError, Result } from '../shared/result';

// The database, the dispatch (with zod and the contract) and the job worker's entry are imported
// when a command first needs them, not when the program starts: `hadir doctor`, `--help` and a
// mistyped option need none of them, and every command module imports this file (issue 21 item 5).

/**
 * The checkout's root (the folder holding resources/): electron/cli/ from the sources, out/main/
 * (or a chunk folder below it) when compiled, so it is looked for rather than counted.
 */
export const checkoutRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'resources', 'fonts')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

/** Bad input: print one line, exit non-zero. Thrown so commands stay linear. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Job kinds run inline: a command has no other desk on its thread to keep answering
 * (InlineRunner). `worker` runs them in a job worker thread instead, for the import: its parsing
 * makes ~300 MB of short-lived garbage for 50,000 rows, which a worker's small young generation
 * (run-kind.ts) collects as it goes, where this thread's grew to hold it (peak 491 MB against
 * 376 MB for the largest CSV, preview then commit; issue 21). The compiled CLI only. The thread
 * starts at once and loads the named kind while this thread opens the database.
 */
export async function openCli(dataDir: string | undefined, opts: { worker?: KindName } = {}): Promise<Ctx> {
  const [{ openContext }, { currentWorkerEntry }, { resolveDataDir }] = await Promise.all([
    import('../core/open-context'),
    import('../core/jobs/worker-entry'),
    import('../core/system/data-dir'),
  ]);
  const entry = opts.worker ? currentWorkerEntry() : null;
  // Only the built worker: from the sources, a worker compiles them again through tsx (seconds
  // on a loaded machine), and a checkout that was never built is where tests and development run.
  const jobsWorker = entry && entry.execArgv.length === 0 ? entry : 'inline';
  // The thread starts and loads its modules while this one opens the database.
  if (jobsWorker !== 'inline' && opts.worker)
    (await import('../core/jobs/run-kind')).WorkerPool.for(jobsWorker).prestart(opts.worker);
  return openContext(resolveDataDir(dataDir), 'cli', path.join(checkoutRoot, 'resources'), { jobsWorker });
}

/** The same dispatch (and zod validation) as IPC and HTTP, its result as it comes. */
export async function dispatchCli<K extends OpName>(ctx: Ctx, name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const { dispatch } = await import('../core/dispatch');
  return dispatch(ctx, name, input);
}

/** Calls an operation through the same dispatch (and zod validation) as IPC and HTTP. */
export async function call<K extends OpName>(ctx: Ctx, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = await dispatchCli(ctx, name, input);
  if (!res.ok) throw new CliFailure(describe(res.error));
  return res.value;
}

export function describe(e: OpError): string {
  const issue = e.issues?.[0];
  return issue && e.code === 'invalid_input' ? `${e.message}` : e.message;
}

/** `--event` and `--desk` on a command that records something: the CLI names them like any desk. */
export function deskOptions(cmd: Command): Command {
  return cmd
    .option('--event <id>', "the event to record into (default: the kiosk's event, see `hadir event list`)")
    .option('--desk <name>', 'the desk name written to the audit log', 'CLI');
}

/** The event and desk a recording command names: --event, else the kiosk's default event. */
export async function deskScopeOf(ctx: Ctx, o: { event?: string; desk: string }): Promise<DeskScope> {
  if (o.event !== undefined) {
    if (!/^\d+$/.test(o.event)) throw new CliFailure(`--event must be an event number: ${o.event}`, 2);
    return { eventId: Number(o.event), desk: o.desk };
  }
  const e = await call(ctx, 'event.get', {});
  if (!e) throw new CliFailure('No event yet. Create one with `hadir event create` or in the kiosk.');
  return { eventId: e.id, desk: o.desk };
}
