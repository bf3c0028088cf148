import type { CertAssetKind, CertAssetMime } from '../../shared/certificates';
import { logoMime } from '../../shared/event';
import { formatName, jpegSize, pngSize } from '../event/logo';
import { HadirError } from '../../shared/errors';

/** A background designed in Canva or Word and exported at print quality fits in 15 MB. */
export const MAX_BACKGROUND_BYTES = 15 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;

/**
 * Checks an uploaded background or signature image and tells its format from its bytes.
 * Backgrounds: PNG, JPEG or a PDF of exactly one page (what Canva's "PDF Print" gives).
 * Signatures: PNG (transparent, ideally) or JPEG. Throws asset_invalid with a reason param.
 */
export async function inspectAsset(kind: CertAssetKind, bytes: Uint8Array): Promise<CertAssetMime> {
  const max = kind === 'background' ? MAX_BACKGROUND_BYTES : MAX_SIGNATURE_BYTES;
  if (bytes.byteLength > max) {
    throw new HadirError('asset_invalid', `The file is larger than ${max / 1024 / 1024} MB.`, { maxMb: max / 1024 / 1024 });
  }
  const image = logoMime(bytes);
  if (image) {
    const size = image === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
    if (!size) throw new HadirError('asset_invalid', 'The image is damaged or cut off.', { damaged: 1 });
    return image;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (kind === 'background' && head.includes('%PDF-')) {
    await checkPdfBackground(bytes);
    return 'application/pdf';
  }
  throw new HadirError(
    'asset_invalid',
    kind === 'background' ? 'Use a PNG or JPEG image or a one-page PDF.' : 'Use a PNG or JPEG image.',
    { format: formatName(bytes), kind },
  );
}

/**
 * A PDF background is embedded here exactly as every certificate will embed it, and the result
 * saved: pdf-lib opens a cut-off PDF leniently (the page tree may survive while the page's
 * content does not), and such a file must be refused now, at the organiser's upload, not at the
 * closing session when every certificate would fail.
 */
async function checkPdfBackground(bytes: Uint8Array): Promise<void> {
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch (e) {
    const encrypted = /encrypt/i.test(String(e));
    throw new HadirError('asset_invalid', encrypted ? 'The PDF is password-protected.' : 'The PDF cannot be read.', {
      pdf: encrypted ? 'encrypted' : 'unreadable',
    });
  }
  if (pages === 0) throw new HadirError('asset_invalid', 'The PDF cannot be read.', { pdf: 'unreadable' });
  if (pages !== 1) throw new HadirError('asset_invalid', `The PDF has ${pages} pages; use a one-page PDF.`, { pages });
  const { embedPdfBackground } = await import('./render/pdf-background');
  try {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const bg = await embedPdfBackground(doc, bytes);
    if (!(bg.width > 1 && bg.height > 1)) throw new Error(`page of ${bg.width} x ${bg.height} pt`);
    doc.addPage().drawPage(bg.form);
    await doc.save();
  } catch {
    throw new HadirError('asset_invalid', 'The PDF cannot be read.', { pdf: 'unreadable' });
  }
}
