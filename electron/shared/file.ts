import { z } from 'zod';

/**
 * A file travelling between the host and the renderer: exports today, badge sheets, certificate
 * batches and backups next. `bytes` is a Uint8Array end to end: IPC carries it by structured clone,
 * the web host as the raw HTTP body (see wire.ts), the CLI writes it to disk. Never base64 in JSON.
 */
export interface FileResult {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * THE size limit for a file sent to the host (imports today). Every other limit on uploads is
 * derived from it: the import check, the renderer's early refusal, the web host's body cap, the
 * CLI's check and the wording on screen.
 */
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * Bytes in an operation's input. A Node Buffer (CLI, web host) is a Uint8Array too. No size
 * check here: each operation refuses an oversized file with its own error code and wording
 * (import_too_large, logo_invalid), which a schema failure (invalid_input) would hide.
 */
export const bytesInput = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes expected');

/**
 * The bytes as a Uint8Array that owns exactly its memory. A Node Buffer is often a slice of a
 * shared 8 KB pool (or of a larger read buffer); structured clone copies the WHOLE underlying
 * ArrayBuffer, so an unsliced view would send the neighbours' bytes over IPC too.
 */
export function ownBytes(b: Uint8Array): Uint8Array {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.constructor === Uint8Array) return b;
  return new Uint8Array(b);
}
