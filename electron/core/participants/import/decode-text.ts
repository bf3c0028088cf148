import iconv from 'iconv-lite';

/** The encodings a CSV from an organiser's PC turns up in, as reported back to the UI. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Turns the bytes of a text file into a string, guessing the encoding.
 *
 * Indonesian-locale Windows produces three kinds of CSV: Excel "CSV (Comma delimited)" in the
 * ANSI code page (Windows-1252), "CSV UTF-8" (with a BOM), and "Unicode text" (UTF-16 LE with a
 * BOM, tab-delimited). Other tools may drop the BOM, so we also sniff for BOM-less UTF-16.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // iconv-lite strips the BOM for us.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer, 'utf-16be'), encoding: 'utf-16be' };
  const bomless = sniffUtf16(bytes);
  if (bomless) return { text: iconv.decode(buffer, bomless), encoding: bomless };

  try {
    // `stream: true` keeps an incomplete character at the very end pending instead of failing:
    // a file cut off mid-character (truncated copy, full USB stick) is still UTF-8, and must not
    // be mis-read as Windows-1252 from start to end. The BOM, if any, is stripped by the decoder.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { text, encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the ANSI code page of Western/Indonesian Windows. Every byte decodes,
    // so this never fails; an exotic encoding would show as mojibake in the preview.
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}

/**
 * BOM-less UTF-16: our text is nearly all ASCII, so one byte of every pair is zero: the odd one
 * for little-endian, the even one for big-endian. UTF-8 and Windows-1252 text has no zero bytes.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}
