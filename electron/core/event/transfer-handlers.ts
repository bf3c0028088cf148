import type { HandlerMap } from '../handler';
import { readEventId } from './desk-event';
import { exportEvent, importEvent } from './transfer';

export const transferHandlers: HandlerMap<'event.exportFile' | 'event.importFile'> = {
  'event.exportFile': (ctx, { eventId }) => exportEvent(ctx, readEventId(ctx, eventId)),
  'event.importFile': (ctx, { bytes, mode }) => importEvent(ctx, bytes, mode),
};
