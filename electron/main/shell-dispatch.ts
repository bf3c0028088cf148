// The shell operations' single entry, like core/dispatch.ts for the core ones: validate the
// untrusted input with the shell contract's zod schema, run the handler, fold every outcome into
// a Result. Pure (no `electron` import): tests/unit/shell-dispatch.test.ts runs it with fake
// handlers; shell-ipc.ts feeds it from ipcMain.
import { toOpError, zodError } from '../core/dispatch';
import type { Result } from '../shared/result';
import { shellContract, type ShellOutput, type ShellParsed } from '../shared/shell-contract';
import { SHELL_OP_NAMES, type ShellOpName } from '../shared/shell-op-names';

/** `S` is whatever the handlers need to know about the caller (the sender's WebContents). */
export type ShellHandlers<S> = {
  [K in ShellOpName]: (input: ShellParsed<K>, sender: S) => ShellOutput<K> | Promise<ShellOutput<K>>;
};

export const isShellOpName = (name: string): name is ShellOpName => (SHELL_OP_NAMES as readonly string[]).includes(name);

export async function dispatchShell<K extends ShellOpName, S>(
  handlers: ShellHandlers<S>,
  name: K,
  raw: unknown,
  sender: S,
): Promise<Result<ShellOutput<K>>> {
  const parsed = shellContract[name].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
  try {
    const handler = handlers[name] as (input: unknown, sender: S) => ShellOutput<K> | Promise<ShellOutput<K>>;
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (e) {
    return { ok: false, error: toOpError(e) };
  }
}
