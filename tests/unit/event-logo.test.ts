import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { inspectLogo, MAX_LOGO_BYTES } from '../../electron/core/event/logo';
import { HadirError } from '../../electron/shared/errors';
import { listAudit } from '../../electron/db/repositories/audit';
import { bin, ok, PSM_EVENT, ROOT, tempCtx, scope } from '../helpers/ctx';

// Made with ImageMagick (see tests/fixtures/make-fixtures.mjs): a 240×240 emblem, the same as
// JPEG and GIF, and a 20×20 square.
const image = (name: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures', name)));

function refusal(bytes: Uint8Array): HadirError {
  try {
    inspectLogo(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(HadirError);
    return e as HadirError;
  }
  throw new Error('accepted');
}

describe('inspectLogo', () => {
  it('reads the format and pixel size of PNG and JPEG from their bytes', () => {
    expect(inspectLogo(image('logo.png'))).toEqual({ mime: 'image/png', width: 240, height: 240 });
    expect(inspectLogo(image('logo.jpg'))).toEqual({ mime: 'image/jpeg', width: 240, height: 240 });
  });

  it('refuses other formats, damaged files, tiny images and files over 1 MB, each with its reason', () => {
    expect(refusal(image('logo.gif')).params).toEqual({ format: 'GIF' });
    expect(refusal(new TextEncoder().encode('<?xml version="1.0"?><svg/>')).params).toEqual({ format: 'SVG' });
    // Cut off: inside the header, and (the usual case, a broken download) halfway through the image.
    for (const name of ['logo.png', 'logo.jpg']) {
      const whole = image(name);
      expect(refusal(whole.subarray(0, 20)).params, name).toEqual({ damaged: 1 });
      expect(refusal(whole.subarray(0, whole.byteLength >> 1)).params, name).toEqual({ damaged: 1 });
    }
    expect(refusal(image('tiny.png')).params).toEqual({ width: 20, height: 20, min: 32, max: 6000 });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(image('logo.png'));
    expect(refusal(big).params).toEqual({ bytes: MAX_LOGO_BYTES + 1, max: MAX_LOGO_BYTES });
  });
});

describe('event.setLogo and event.logo', () => {
  it('stores the logo in the event, gives it back byte for byte, and keeps it out of event.get', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const png = image('logo.png');
    const e = await ok(ctx, 'event.setLogo', { ...scope(ctx), bytes: bin(png) });
    expect(e.logo).toEqual({ mime: 'image/png', bytes: png.byteLength });
    const logo = await ok(ctx, 'event.logo', {});
    expect(logo).toEqual({ fileName: 'logo.png', mime: 'image/png', bytes: bin(png) });
    // A plain Uint8Array owning exactly its bytes: what structured clone (IPC) copies whole.
    expect(logo!.bytes.constructor).toBe(Uint8Array);
    expect(logo!.bytes.buffer.byteLength).toBe(png.byteLength);
    // event.get is read after every change: it carries the logo's description, not its 12 KB.
    expect(JSON.stringify(await ok(ctx, 'event.get', {})).length).toBeLessThan(2000);
    expect(listAudit(ctx.db)[0]).toMatchObject({ action: 'event.setLogo' });

    const jpg = image('logo.jpg');
    expect((await ok(ctx, 'event.setLogo', { ...scope(ctx), bytes: bin(jpg) })).logo).toEqual({
      mime: 'image/jpeg',
      bytes: jpg.byteLength,
    });
    expect((await ok(ctx, 'event.setLogo', { ...scope(ctx), bytes: null })).logo).toBeNull();
    expect(await ok(ctx, 'event.logo', {})).toBeNull();
  });

  it('refuses a bad logo and keeps the one already there', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    await ok(ctx, 'event.setLogo', { ...scope(ctx), bytes: bin(image('logo.png')) });
    const res = await dispatch(ctx, 'event.setLogo', { ...scope(ctx), bytes: bin(image('logo.gif')) });
    expect(res).toMatchObject({ ok: false, error: { code: 'logo_invalid', params: { format: 'GIF' } } });
    expect(await ok(ctx, 'event.logo', {})).toMatchObject({ mime: 'image/png', bytes: bin(image('logo.png')) });
    const wrongShape = await dispatch(ctx, 'event.setLogo', { ...scope(ctx), bytes: 42 } as never);
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("needs the desk's event to exist", async () => {
    const res = await dispatch(tempCtx(), 'event.setLogo', { eventId: 1, desk: 'Meja 1', bytes: bin(image('logo.png')) });
    expect(res).toMatchObject({ ok: false, error: { code: 'desk_event', params: { missing: 1 } } });
  });
});
