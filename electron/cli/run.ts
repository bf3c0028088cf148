import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { openContext } from '../core/open-context';
import { resolveDataDir } from '../core/system/data-dir';
import type { OpInput, OpOutput } from '../shared/contract';
import type { OpName } from '../shared/op-names';
import type { OpError } from '../shared/result';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bad input: print one line, exit non-zero. Thrown so commands stay linear. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function openCli(dataDir: string | undefined): Ctx {
  // Job kinds run inline: a command has no other desk on its thread to keep answering (InlineRunner).
  return openContext(resolveDataDir(dataDir), 'cli', path.join(root, 'resources'), { jobsWorker: 'inline' });
}

/** Calls an operation through the same dispatch (and zod validation) as IPC and HTTP. */
export async function call<K extends OpName>(ctx: Ctx, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = await dispatch(ctx, name, input);
  if (!res.ok) throw new CliFailure(describe(res.error));
  return res.value;
}

export function describe(e: OpError): string {
  const issue = e.issues?.[0];
  return issue && e.code === 'invalid_input' ? `${e.message}` : e.message;
}
