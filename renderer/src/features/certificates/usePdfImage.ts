import { useEffect, useState } from 'react';
import type { FileResult } from '../../../../electron/shared/file';
import { openPdf, pageImage } from '../../pdf/pdfjs';

/**
 * A PDF's first page drawn by pdf.js, as an image URL: the preview is the real page the printer
 * gets, not an imitation in HTML. `load` is called again whenever `key` changes (after `delayMs`,
 * so typing in the editor does not render every keystroke); an older reply never replaces a newer
 * one, and replaced images are freed.
 */
export function usePdfImage(load: (() => Promise<FileResult>) | null, key: string, dpi = 72, delayMs = 250) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!load) return setUrl((old) => (old && URL.revokeObjectURL(old), null));
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      (async () => {
        const file = await load();
        const doc = await openPdf(file.bytes);
        const next = await pageImage(await doc.getPage(1), dpi);
        void doc.loadingTask.destroy();
        if (!current) return URL.revokeObjectURL(next);
        setUrl((old) => (old && URL.revokeObjectURL(old), next));
        setError(null);
      })()
        .catch((e) => current && setError(e))
        .finally(() => current && setBusy(false));
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for what `load` reads
  }, [key]);
  useEffect(() => () => setUrl((old) => (old && URL.revokeObjectURL(old), null)), []);
  return { url, error, busy };
}
