// The sandboxed preload: one function per operation on window.hadir, one per shell operation on
// window.hadirShell, and nothing else.
// It must be bundled to ONE CommonJS file (out/preload/index.cjs): a sandboxed preload cannot be
// ESM, and its `require` reaches only Electron's renderer modules. So import nothing but
// `electron` and the dependency-free name lists in ../shared. Never expose ipcRenderer itself:
// the page would then be able to send on any channel.
// Files cross as Uint8Array: contextBridge and ipcRenderer.invoke both pass structured-clonable
// values, typed arrays included (Electron docs; not run here: Electron cannot start on this machine).
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES, channelOf } from '../shared/op-names';
import { SHELL_OP_NAMES, shellChannelOf } from '../shared/shell-op-names';

const api = Object.fromEntries(OP_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelOf(name), input)]));
const shellApi = Object.fromEntries(
  SHELL_OP_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(shellChannelOf(name), input)]),
);

contextBridge.exposeInMainWorld('hadir', api);
contextBridge.exposeInMainWorld('hadirShell', shellApi);
