import type { z } from 'zod';
import type { OpOutput } from '../shared/contract';
import { OP_NAMES, type OpName } from '../shared/op-names';
import type { OpError, Result } from '../shared/result';
import type { Ctx } from './context';
import { toOpError } from './op-error';
import { DURING_LONG_WRITE } from './during-long-write';
import { noLongWrite } from '../db/long-write';
import { storageError } from '../db/storage-error';
import { handlerOf } from './lazy-handlers';
import { inputSchemaOf } from './lazy-schemas';

export { toOpError };

export const isOpName = (name: string): name is OpName => (OP_NAMES as readonly string[]).includes(name);

/**
 * The single entry for every transport (IPC, HTTP, CLI): validate the untrusted input with the
 * contract's zod schema, run the handler, and fold every outcome into a Result. Nothing thrown
 * escapes, so a transport never leaks a stack trace to the renderer.
 */
export async function dispatch<K extends OpName>(ctx: Ctx, name: K, raw: unknown): Promise<Result<OpOutput<K>>> {
  // The operation's own schema, from the part of the contract that declares it (lazy-schemas.ts).
  const parsed = (await inputSchemaOf(name)).safeParse(raw ?? {});
  if (!parsed.success) {
    const error = zodError(parsed.error);
    ctx.log.warn({ op: name, actor: ctx.actor, code: error.code, fields: error.issues?.map((i) => i.path) }, 'operation refused');
    return { ok: false, error };
  }
  try {
    // Only the domain that holds this operation is loaded (lazy-handlers.ts); loaded before the
    // long-write check, so no wait falls between that check and the handler.
    const handler = (await handlerOf(name)) as (ctx: Ctx, input: unknown) => OpOutput<K> | Promise<OpOutput<K>>;
    // A large import is being written in slices: only check-ins and reads may run inside it.
    if (!DURING_LONG_WRITE.has(name)) await noLongWrite(ctx.db);
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (e) {
    // A full disk, a read-only folder, a lock held too long: worded, naming the file, not "internal".
    const error = toOpError(storageError(e, ctx.dbPath) ?? e, ctx.log, name);
    // Expected refusals are logged by code only: their wording and params may name participants.
    if (error.code !== 'internal') ctx.log.warn({ op: name, actor: ctx.actor, code: error.code }, 'operation refused');
    return { ok: false, error };
  }
}

export function zodError(err: z.ZodError): OpError {
  const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return {
    code: 'invalid_input',
    message: first ? `Invalid input: ${first.path || '(root)'}: ${first.message}` : 'Invalid input',
    issues,
  };
}
