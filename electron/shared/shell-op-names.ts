// The names of the shell operations, and nothing else: the sandboxed preload imports this file
// alone, so it must stay free of zod and of any runtime dependency (like op-names.ts).
// shell-contract.ts is checked against this list by the compiler, in both directions.
export const SHELL_OP_NAMES = [
  'shell.printers',
  'shell.print',
  'shell.printSettings',
  'shell.setPrintSettings',
  'shell.saveFile',
  'shell.chooseFolder',
  'shell.showInFolder',
  'shell.kioskPin',
  'shell.setKioskPin',
  'shell.leaveKiosk',
] as const;

export type ShellOpName = (typeof SHELL_OP_NAMES)[number];

/** IPC channel for a shell operation; a prefix of its own, apart from the core operations. */
export const shellChannelOf = (name: ShellOpName) => `hadir-shell:${name}`;
