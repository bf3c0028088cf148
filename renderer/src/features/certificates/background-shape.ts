import { openPdf } from '../../pdf/pdfjs';

/** A PDF by its type, or by its name when the system gives no type. */
export const isPdfFile = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/**
 * Whether a background the organiser picked is landscape or portrait, as a viewer shows it (a
 * PDF page's /Rotate counts); null for a square or unreadable file (the server judges those).
 * A design made for one orientation, laid on the other, would be cut down to its middle.
 */
export async function backgroundShape(file: File, bytes: Uint8Array): Promise<'landscape' | 'portrait' | null> {
  let w: number;
  let h: number;
  try {
    if (isPdfFile(file)) {
      const doc = await openPdf(bytes); // openPdf copies: the upload still has its bytes
      const viewport = (await doc.getPage(1)).getViewport({ scale: 1 });
      void doc.loadingTask.destroy();
      ({ width: w, height: h } = viewport);
    } else {
      const bitmap = await createImageBitmap(file);
      ({ width: w, height: h } = bitmap);
      bitmap.close();
    }
  } catch {
    return null;
  }
  return w > h ? 'landscape' : h > w ? 'portrait' : null;
}

