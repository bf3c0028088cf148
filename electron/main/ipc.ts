// One ipcMain handler per operation. The sender is checked first (Electron security checklist:
// "validate the sender of all IPC messages"); dispatch() then validates the input with zod and
// never throws, so nothing but a Result reaches the renderer.
import { ipcMain } from 'electron';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { OP_NAMES, channelOf, type OpName } from '../shared/op-names';
import { ipcSenderCheck } from './security';

export function registerIpc(
  ctx: Ctx,
  devUrl?: string,
  /** After each operation (the hub switch tells the desks on the venue network, web/hub-switch.ts). */
  done?: (name: OpName, input: unknown, ok: boolean) => void,
): void {
  for (const name of OP_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      const refused = ipcSenderCheck(event.senderFrame?.url, devUrl);
      if (refused) return refused;
      const result = await dispatch(ctx, name, input);
      done?.(name, input, result.ok);
      return result;
    });
  }
}

export function unregisterIpc(): void {
  for (const name of OP_NAMES) ipcMain.removeHandler(channelOf(name));
}
