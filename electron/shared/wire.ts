/**
 * How a message carrying bytes crosses HTTP (the web host). The bytes are the raw request or
 * response body (application/octet-stream); the rest of the message is JSON in one header, with a
 * marker where the bytes go. So an import of N MB is N MB on the wire, not 4N/3 MB of base64 that the
 * host must also hold twice while decoding.
 *
 * A message carries at most one byte array: every operation so far moves one file. Messages
 * without bytes stay plain JSON bodies.
 *
 * Used by both ends (electron/web/server.ts and renderer/src/api.ts): no Node, no DOM here.
 */

/** Request header: the input's JSON (percent-encoded, so any file name fits a header's Latin-1). */
export const INPUT_HEADER = 'x-hadir-input';
/** Response header: the Result's JSON, same encoding. */
export const RESULT_HEADER = 'x-hadir-result';
export const BYTES_TYPE = 'application/octet-stream';

const MARK = '$bytes';

export class WireError extends Error {}

/** Splits a value into JSON text (bytes replaced by a marker) and the one byte array, if any. */
export function splitBytes(value: unknown): { json: string; bytes: Uint8Array | null } {
  let bytes: Uint8Array | null = null;
  const walk = (v: unknown): unknown => {
    if (v instanceof Uint8Array) {
      if (bytes) throw new WireError('A message may carry only one byte array');
      bytes = v;
      return { [MARK]: true };
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const json = JSON.stringify(walk(value ?? {}));
  return { json, bytes };
}

/** The reverse: parses the JSON and puts the bytes back where the marker is. */
export function joinBytes(json: string, bytes: Uint8Array): unknown {
  let used = false;
  const value: unknown = JSON.parse(json, (_key, v: unknown) => {
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).length === 1 &&
      (v as Record<string, unknown>)[MARK] === true
    ) {
      if (used) throw new WireError('A message may carry only one byte array');
      used = true;
      return bytes;
    }
    return v;
  });
  if (!used) throw new WireError('The body holds bytes but the message has no place for them');
  return value;
}

export const encodeHeader = (json: string) => encodeURIComponent(json);
export const decodeHeader = (value: string) => decodeURIComponent(value);
