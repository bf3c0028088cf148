import type { ParticipantInput } from '../../shared/participant';
import { listRoles } from '../../db/repositories/events';
import { matchRows } from '../../db/repositories/participants';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { Matcher } from './matcher';

// The checks a person added by hand passes (the participant form, and a walk-in at the check-in
// desk). Their own module, so the check-in domain does not load the participants' handlers
// (import, export, font coverage) to use them (issue 21 item 5).

export function checkRole(ctx: Ctx, eventId: number, role: string): void {
  const roles = listRoles(ctx.db, eventId);
  if (!roles.includes(role)) {
    throw new HadirError('invalid_input', `Unknown role "${role}". Known roles: ${roles.join(', ')}.`, { role });
  }
}

/** The form must not create a second record of someone already on the list. */
export function checkNotDuplicate(ctx: Ctx, eventId: number, input: ParticipantInput, selfId?: number): void {
  const hit = new Matcher(matchRows(ctx.db, eventId)).find(input);
  if (hit && hit.id !== selfId && !hit.deleted) {
    throw new HadirError('conflict', `"${input.name}" is already on the list.`, { name: input.name, id: hit.id });
  }
}
