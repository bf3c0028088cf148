// One ipcMain handler per shell operation, registered only here in the main process. The sender
// is checked first, as for the core operations (ipc.ts); dispatchShell then validates the input.
import { ipcMain } from 'electron';
import type { Ctx } from '../core/context';
import { SHELL_OP_NAMES, shellChannelOf } from '../shared/shell-op-names';
import { ipcSenderCheck } from './security';
import { shellHandlers } from './shell';
import { dispatchShell } from './shell-dispatch';

export function registerShellIpc(ctx: Ctx, devUrl?: string): void {
  const handlers = shellHandlers(ctx);
  for (const name of SHELL_OP_NAMES) {
    ipcMain.handle(shellChannelOf(name), (event, input: unknown) => {
      const refused = ipcSenderCheck(event.senderFrame?.url, devUrl);
      if (refused) return refused;
      return dispatchShell(handlers, name, input, event.sender);
    });
  }
}
