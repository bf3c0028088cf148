import type { HandlerMap } from '../handler';
import { scan } from './scan';
import { attendance, stats } from './stats';
import { undo } from './undo';
import { walkIn } from './walk-in';

export const checkinHandlers: HandlerMap<
  'checkin.scan' | 'checkin.undo' | 'checkin.walkIn' | 'checkin.stats' | 'checkin.attendance'
> = {
  'checkin.scan': (ctx, input) => scan(ctx, input),
  'checkin.undo': (ctx, input) => undo(ctx, input),
  'checkin.walkIn': (ctx, input) => walkIn(ctx, input),
  'checkin.stats': (ctx, input) => stats(ctx, input),
  'checkin.attendance': (ctx, input) => attendance(ctx, input),
};
