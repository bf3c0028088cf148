import { useEffect, useState } from 'react';
import type { BadgeLayoutId, BadgeWhom, Offset } from '../../../../electron/shared/badges';
import { api } from '../../api';
import { openPdf, pageImage } from '../../pdf/pdfjs';

export interface Preview {
  /** PNG of the first page of the real PDF, as pdf.js draws it. */
  url: string;
  tags: number;
}

/**
 * The first page of the PDF the print button will produce (badges.render with maxPages 1), drawn
 * by pdf.js: what the organiser sees is the real page, not an imitation. A newer request drops
 * the reply of an older one; the image URL is revoked when replaced.
 */
export function usePreview(eventId: number, layout: BadgeLayoutId, whom: BadgeWhom | null, offset: Offset, version: number) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify([eventId, layout, whom, offset, version]);
  useEffect(() => {
    if (!whom) return setPreview(null);
    let current = true;
    setBusy(true);
    (async () => {
      const file = await api('badges.render', { eventId, layout, whom, offset, maxPages: 1 });
      const doc = await openPdf(file.bytes);
      const url = await pageImage(await doc.getPage(1), 110);
      void doc.loadingTask.destroy();
      if (!current) return URL.revokeObjectURL(url);
      setPreview((old) => (old && URL.revokeObjectURL(old.url), { url, tags: file.tags }));
      setError(null);
    })()
      .catch((e) => current && (setError(e), setPreview(null)))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { preview, error, busy };
}
