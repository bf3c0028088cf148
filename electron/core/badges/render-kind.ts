import type { Kind } from '../jobs/kind';
import { renderBadgesPdf, type BadgeRenderInput } from './render-pdf';
import { renderTestSheet } from './test-sheet';

export type RenderKindInput = Omit<BadgeRenderInput, 'onProgress' | 'isCancelled'>;

/** The badge PDF, rendered in a job's worker thread (progress per page); the page count with it. */
export const renderBadgesKind: Kind<RenderKindInput, { bytes: Uint8Array; pages: number }> = async (input, io) => {
  let pages = 0;
  const bytes = await renderBadgesPdf({
    ...input,
    onProgress: (done, total) => {
      pages = total;
      io.progress(done, total);
    },
  });
  return { bytes, pages };
};

export const renderTestSheetKind: Kind<Pick<BadgeRenderInput, 'layout' | 'offset' | 'fonts'>, Uint8Array> = (input) =>
  renderTestSheet(input.layout, input.offset, input.fonts);
