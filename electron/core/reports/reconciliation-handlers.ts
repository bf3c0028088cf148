import type { FileResult } from '../../shared/file';
import type { HandlerMap } from '../handler';
import { reconcile } from '../checkin/reconcile';
import { loadBadgeFonts } from '../pdf/fonts';
import { eventFileStem } from './file-names';
import { reportEvent } from './handlers';
import { reconciliationPdfInput } from './reconciliation-pdf';

export const reconciliationHandlers: HandlerMap<'reports.reconciliation' | 'reports.reconciliationPdf'> = {
  'reports.reconciliation': (ctx, { eventId }) => {
    const event = reportEvent(ctx, eventId);
    return reconcile(ctx.db, event.id, event.timeZone);
  },
  'reports.reconciliationPdf': async (ctx, { eventId }): Promise<FileResult> => {
    const event = reportEvent(ctx, eventId);
    const data = reconciliationPdfInput(reconcile(ctx.db, event.id, event.timeZone), event, ctx.now(), loadBadgeFonts(ctx.resourcesDir));
    const bytes = await ctx.jobs.run('reports.tablePdf', data);
    return { fileName: `rekonsiliasi-${eventFileStem(event)}.pdf`, mime: 'application/pdf', bytes };
  },
};
