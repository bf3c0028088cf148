import { z } from 'zod';
import { bytesInput, type FileResult } from './file';
import type { ShellOpName } from './shell-op-names';

/**
 * The shell operations: what only the Electron main process can do (printers, the save dialog,
 * folders). A second, small contract beside the core one (contract.ts): only electron/main
 * registers it, and the preload exposes it as window.hadirShell. In the web host none of these
 * exist; renderer/src/api.ts falls back to a download (save) or a new tab (print).
 */
interface ShellOpDef<I extends z.ZodType, O> {
  input: I;
  /** Never set: carries the result type for the compiler only. */
  output?: O;
}
const op =
  <O>() =>
  <I extends z.ZodType>(input: I): ShellOpDef<I, O> => ({ input });

const none = z.object({}).strict().default({});
const fileInput = z
  .object({ fileName: z.string().trim().min(1).max(200), mime: z.string().max(100), bytes: bytesInput })
  .strict();
/** A printer's system name as listed by shell.printers (not the display name). */
const deviceName = z.string().trim().min(1).max(300);

/** The organiser PIN: 4 to 8 digits. */
export const kioskPin = z.string().regex(/^\d{4,8}$/, 'PIN: 4–8 angka / 4–8 digits');

export interface PrinterDto {
  /** The system name: what deviceName takes. */
  name: string;
  /** What the operator recognises. */
  displayName: string;
  description: string;
}

export interface PrintSettings {
  /** The printer this kiosk's desk prints to without asking (badges for walk-ins); null = ask. */
  deskPrinter: string | null;
}

export const printInput = z
  .object({
    file: fileInput.extend({ mime: z.literal('application/pdf') }),
    /**
     * 'desk': silently, to `deviceName` or else the desk printer from shell.printSettings (never
     * to an unknown system default: 300 badges on the wrong printer is a morning lost).
     * 'dialog': the system print dialog, for the operator to choose.
     */
    mode: z.enum(['desk', 'dialog']),
    deviceName: deviceName.nullish(),
    copies: z.number().int().min(1).max(99).default(1),
  })
  .strict();

export const shellContract = {
  'shell.printers': op<PrinterDto[]>()(none),
  /** printed false: the operator cancelled the print dialog (neutral, not an error). */
  'shell.print': op<{ printed: boolean; deviceName: string | null }>()(printInput),
  'shell.printSettings': op<PrintSettings>()(none),
  'shell.setPrintSettings': op<PrintSettings>()(z.object({ deskPrinter: deviceName.nullable() }).strict()),
  /** null: the operator cancelled the dialog. */
  'shell.saveFile': op<{ path: string } | null>()(z.object({ file: fileInput }).strict()),
  'shell.chooseFolder': op<{ path: string } | null>()(z.object({ title: z.string().max(200).optional() }).strict()),
  /** Only a file this kiosk wrote (saved in this session, or inside the data folder). */
  'shell.showInFolder': op<true>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  /** Whether an organiser PIN guards leaving kiosk mode (issue 17, finding 4). */
  'shell.kioskPin': op<{ pinSet: boolean }>()(none),
  /** Sets (4–8 digits) or removes (null) the PIN; stored as a salted hash (core/system/kiosk-pin.ts). */
  'shell.setKioskPin': op<{ pinSet: boolean }>()(z.object({ pin: kioskPin.nullable() }).strict()),
  /** Leaves kiosk mode when the PIN is right; left false on a wrong PIN, locked after 5 in a row. */
  'shell.leaveKiosk': op<{ left: boolean; locked: boolean }>()(z.object({ pin: z.string().max(20) }).strict()),
} satisfies { [K in ShellOpName]: ShellOpDef<z.ZodType, unknown> };

type Extra = Exclude<keyof typeof shellContract, ShellOpName>;
const _noExtra: [Extra] extends [never] ? true : never = true;
void _noExtra;

export type ShellContract = typeof shellContract;
export type ShellInput<K extends ShellOpName> = z.input<ShellContract[K]['input']>;
export type ShellParsed<K extends ShellOpName> = z.output<ShellContract[K]['input']>;
export type ShellOutput<K extends ShellOpName> = ShellContract[K] extends ShellOpDef<z.ZodType, infer O> ? O : never;
export type { FileResult };
