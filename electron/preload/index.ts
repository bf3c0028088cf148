// The sandboxed preload: one function per operation on window.hadir, and nothing else.
// It must be bundled to ONE CommonJS file (out/preload/index.cjs): a sandboxed preload cannot be
// ESM, and its `require` reaches only Electron's renderer modules. So import nothing but
// `electron` and ../shared/op-names (which is dependency-free). Never expose ipcRenderer itself:
// the page would then be able to send on any channel.
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES, channelOf } from '../shared/op-names';

const api = Object.fromEntries(OP_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelOf(name), input)]));

contextBridge.exposeInMainWorld('hadir', api);
