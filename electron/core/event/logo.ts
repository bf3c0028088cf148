import { HadirError } from '../../shared/errors';
import { MAX_LOGO_BYTES, logoMime, type LogoMime } from '../../shared/event';

export { MAX_LOGO_BYTES };

/**
 * The organiser's logo (the province's coat of arms, the office's emblem) goes on name tags and
 * certificates. PNG and JPEG only: they are what PDF embeds directly, and what Word and the
 * office's letterhead files hold.
 */
const MIN_SIDE = 32;
const MAX_SIDE = 6000;

/** Checks a logo and reads its size in pixels. Throws HadirError logo_invalid with a reason. */
export function inspectLogo(bytes: Uint8Array): { mime: LogoMime; width: number; height: number } {
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    throw new HadirError('logo_invalid', 'The logo is larger than 1 MB.', { bytes: bytes.byteLength, max: MAX_LOGO_BYTES });
  }
  const mime = logoMime(bytes);
  if (!mime) throw new HadirError('logo_invalid', 'The logo must be a PNG or JPEG image.', { format: formatName(bytes) });
  const size = mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) throw new HadirError('logo_invalid', 'The image is damaged or cut off.', { damaged: 1 });
  const { width, height } = size;
  if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
    throw new HadirError('logo_invalid', `The logo is ${width}×${height} pixels; use ${MIN_SIDE} to ${MAX_SIDE}.`, {
      width,
      height,
      min: MIN_SIDE,
      max: MAX_SIDE,
    });
  }
  return { mime, width, height };
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b);

function hasEoiAfter(b: Uint8Array, from: number): boolean {
  for (let i = b.byteLength - 2; i > from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/** What the organiser picked instead, to name it in the message. */
export function formatName(b: Uint8Array): string {
  const ascii = new TextDecoder('latin1').decode(b.subarray(0, 256));
  if (ascii.startsWith('GIF8')) return 'GIF';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'WebP';
  if (ascii.startsWith('%PDF')) return 'PDF';
  if (ascii.startsWith('BM')) return 'BMP';
  if (/<svg|<\?xml/i.test(ascii)) return 'SVG';
  if (ascii.slice(4, 12).includes('ftyp')) return 'HEIC';
  return '?';
}

/**
 * Width and height from the IHDR chunk, which a PNG must start with. A cut-off download (no IEND
 * chunk at the end) is refused: it would print as a half-grey emblem on every certificate.
 */
export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.byteLength < 24 || ascii(b.subarray(12, 16)) !== 'IHDR') return null;
  if (!ascii(b.subarray(Math.max(24, b.byteLength - 64))).includes('IEND')) return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Width and height from the first start-of-frame marker, walking the JPEG's segments. */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.byteLength) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // The image must end (EOI, FF D9) after its frame; an embedded EXIF thumbnail has its own
      // EOI, but before this point. Without one, the file was cut off.
      if (!hasEoiAfter(b, at)) return null;
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    at += 2 + v.getUint16(at + 2);
  }
  return null;
}
