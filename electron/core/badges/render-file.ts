import type { BadgeFile, BadgesRenderInput } from '../../shared/badges';
import { HadirError } from '../../shared/errors';
import { nowIso, type Ctx } from '../context';
import { readEventId } from '../event/desk-event';
import type { JobControl } from '../jobs/jobs';
import { collectBadges } from './collect';
import { loadBadgeFonts, type FontBytes } from '../pdf/fonts';
import { getOffset } from './offsets';
import type { RenderKindInput } from './render-kind';
import { SHEETS } from './sheets';
import { nameCoverage, undrawableNames } from '../pdf/cmap-coverage';

const fontCache = new Map<string, FontBytes>();
/** The tag fonts, read once per resources folder (1 MB, handed to the worker as bytes). */
export function badgeFonts(ctx: Ctx): FontBytes {
  let f = fontCache.get(ctx.resourcesDir);
  if (!f) fontCache.set(ctx.resourcesDir, (f = loadBadgeFonts(ctx.resourcesDir)));
  return f;
}

/**
 * The badge PDF for `whom`: the database is read here, on the main thread, and the pure renderer
 * runs in a worker thread (as a job with progress when `job` is given), so the desks keep scanning.
 */
export async function renderBadgesFile(ctx: Ctx, input: BadgesRenderInput, job?: JobControl): Promise<BadgeFile> {
  const eventId = readEventId(ctx, input.eventId);
  const src = collectBadges(ctx, eventId, input.whom);
  if (!src.badges.length) throw new HadirError('not_found', 'No participants to print.', {});
  const kindInput: RenderKindInput = {
    layout: input.layout,
    eventName: src.eventName,
    logo: src.logo,
    fonts: badgeFonts(ctx),
    badges: src.badges,
    offset: input.offset ?? getOffset(ctx, input.layout),
    maxPages: input.maxPages,
  };
  const out = job ? await job.inWorker('render', 'badges.render', kindInput) : await ctx.jobs.run('badges.render', kindInput);
  const per = SHEETS[input.layout].slots.length;
  const tags = Math.min(src.badges.length, out.pages * per);
  const stamp = nowIso(ctx).slice(0, 10);
  return {
    fileName: `tanda-nama-${input.layout}-${stamp}.pdf`,
    mime: 'application/pdf',
    bytes: out.bytes,
    pages: out.pages,
    tags,
    // Their tags were made; the result names them, so the organiser checks whose tag has boxes.
    undrawable: undrawableNames(src.badges, nameCoverage(ctx.resourcesDir)).map(({ name, missing }) => ({ name, missing })),
  };
}

export async function renderTestSheetFile(ctx: Ctx, layout: BadgesRenderInput['layout'], offset?: BadgesRenderInput['offset']) {
  const bytes = await ctx.jobs.run('badges.testSheet', {
    layout,
    offset: offset ?? getOffset(ctx, layout),
    fonts: badgeFonts(ctx),
  });
  return { fileName: `kalibrasi-${layout}.pdf`, mime: 'application/pdf', bytes };
}
