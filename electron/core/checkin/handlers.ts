import type { HandlerMap } from '../handler';
import { scan } from './scan';
import { replacedCodes } from './replaced-codes';
import { search } from './search';
import { attendance, stats } from './stats';
import { undo } from './undo';
import { walkIn } from './walk-in';

type CheckinOps =
  | 'checkin.scan'
  | 'checkin.undo'
  | 'checkin.walkIn'
  | 'checkin.stats'
  | 'checkin.attendance'
  | 'checkin.search'
  | 'checkin.replacedCodes';

export const checkinHandlers: HandlerMap<CheckinOps> = {
  'checkin.scan': (ctx, input) => scan(ctx, input),
  'checkin.undo': (ctx, input) => undo(ctx, input),
  'checkin.walkIn': (ctx, input) => walkIn(ctx, input),
  'checkin.stats': (ctx, input) => stats(ctx, input),
  'checkin.attendance': (ctx, input) => attendance(ctx, input),
  'checkin.search': (ctx, input) => search(ctx, input),
  'checkin.replacedCodes': (ctx, input) => replacedCodes(ctx, input),
};
