import { describe, expect, it } from 'vitest';
import { decodeHeader, encodeHeader, joinBytes, splitBytes, WireError } from '../../electron/shared/wire';

describe('wire: a message with bytes over HTTP', () => {
  it('takes the one byte array out of the JSON and puts it back where it was', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const msg = { ok: true, value: { fileName: 'Daftar peserta – Ñ.csv', mime: 'text/csv', bytes, rows: 2 } };
    const { json, bytes: out } = splitBytes(msg);
    expect(out).toBe(bytes);
    expect(json).not.toContain('255'); // the bytes are not in the JSON in any form
    expect(joinBytes(decodeHeader(encodeHeader(json)), bytes)).toEqual(msg);
  });

  it('leaves messages without bytes as plain JSON', () => {
    expect(splitBytes({ a: [1, { b: null }] })).toEqual({ json: '{"a":[1,{"b":null}]}', bytes: null });
  });

  it('finds bytes in arrays and nested objects, and a Node Buffer counts as bytes', () => {
    const { json, bytes } = splitBytes({ files: [{ data: Buffer.from('hi') }] });
    expect(bytes && Buffer.from(bytes).toString()).toBe('hi');
    expect(joinBytes(json, new Uint8Array([7]))).toEqual({ files: [{ data: new Uint8Array([7]) }] });
  });

  it('refuses two byte arrays, a body with no place for it, and a second marker', () => {
    expect(() => splitBytes({ a: new Uint8Array(1), b: new Uint8Array(1) })).toThrow(WireError);
    expect(() => joinBytes('{"fileName":"x"}', new Uint8Array(1))).toThrow(WireError);
    expect(() => joinBytes('{"a":{"$bytes":true},"b":{"$bytes":true}}', new Uint8Array(1))).toThrow(WireError);
  });

  it('keeps any file name header-safe (Latin-1 only)', () => {
    const h = encodeHeader(JSON.stringify({ fileName: 'Peserta Sulawesi 🌴 ş é.csv' }));
    expect(h).toMatch(/^[\x21-\x7e]*$/);
  });
});
