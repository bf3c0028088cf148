// The only module that knows how operations travel: the Electron preload bridge when present,
// otherwise HTTP to the web host. Screens call `api(...)` and never see the difference.
import type { OpInput, OpOutput } from '../../electron/shared/contract';
import type { OpName } from '../../electron/shared/op-names';
import type { FileResult } from '../../electron/shared/file';
import type { OpError, Result } from '../../electron/shared/result';
import {
  BYTES_TYPE,
  INPUT_HEADER,
  RESULT_HEADER,
  decodeHeader,
  encodeHeader,
  joinBytes,
  splitBytes,
} from '../../electron/shared/wire';

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
  // A file in the input goes as the raw body, the rest as JSON in a header (shared/wire.ts).
  const { json, bytes } = splitBytes(input);
  try {
    res = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: {
        ...(bytes ? { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader(json) } : { 'content-type': 'application/json' }),
        ...(key ? { 'x-hadir-key': key } : {}),
      },
      body: bytes ? (bytes as Uint8Array<ArrayBuffer>) : json,
    });
  } catch {
    return { ok: false, error: { code: 'host_unreachable', message: 'The kiosk host cannot be reached.' } };
  }
  const meta = res.headers.get(RESULT_HEADER);
  if (meta !== null) return joinBytes(decodeHeader(meta), new Uint8Array(await res.arrayBuffer())) as Result<OpOutput<K>>;
  return (await res.json()) as Result<OpOutput<K>>;
}

export async function api<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = window.hadir ? await window.hadir[name](input) : await overHttp(name, input);
  if (!res.ok) throw new ApiError(res.error);
  return res.value;
}

/** A picked file's bytes, as the operations take them. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Hands a file to the browser's download (the web host's way of saving a file). */
export function download(file: FileResult): void {
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
