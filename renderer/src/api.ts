// The only module that knows how operations travel: the Electron preload bridge when present,
// otherwise HTTP to the web host. Screens call `api(...)` and never see the difference.
import type { OpInput, OpOutput } from '../../electron/shared/contract';
import type { OpName } from '../../electron/shared/op-names';
import type { OpError, Result } from '../../electron/shared/result';

type Bridge = { [K in OpName]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>> };

declare global {
  interface Window {
    hadir?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
  }
}

/**
 * A desk on the venue network opens the address the kiosk prints, `http://…/#key=XXXX`. The key
 * goes into this tab's sessionStorage (a reload keeps working) and out of the address bar (so it
 * is not left on screen); the fragment never reaches the server or its logs.
 */
const KEY_ITEM = 'hadir.key';
function accessKey(): string | null {
  const m = /(?:^#|&)key=([0-9A-Za-z]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY_ITEM, m[1]!.toUpperCase());
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY_ITEM);
}

async function overHttp<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  let res: Response;
  const key = accessKey();
  try {
    res = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-hadir-key': key } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'host_unreachable', message: 'The kiosk host cannot be reached.' } };
  }
  return (await res.json()) as Result<OpOutput<K>>;
}

export async function api<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = window.hadir ? await window.hadir[name](input) : await overHttp(name, input);
  if (!res.ok) throw new ApiError(res.error);
  return res.value;
}

/** Reads a picked file as base64 for the import operations. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Saves an exported file through the browser's download (Electron shows its save dialog). */
export function downloadBase64(fileName: string, mime: string, dataBase64: string): void {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
