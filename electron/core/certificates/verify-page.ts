import { activeEventId, getEvent } from '../../db/repositories/events';
import { revokedNumbers } from '../../db/repositories/certificates';
import { normaliseNumber } from '../../shared/cert-number';
import { idDateList } from '../../shared/id-dates';
import { nowIso, type Ctx } from '../context';
import { eventKey } from './key';
import { verifyHtml, type VerifyPageOptions } from './verify-html';

/**
 * verify.html for one event, as the kiosk exports it (certificates.publicKey) and as the web host
 * serves it at /verify.html: the public key, the numbers revoked so far, nothing else. One place
 * builds it, so the served page and the exported file never disagree.
 */
export function verifyPageFor(ctx: Ctx, eventId: number, options: VerifyPageOptions = {}) {
  const event = getEvent(ctx.db, eventId)!;
  const key = eventKey(ctx.db, event.id, nowIso(ctx));
  const html = verifyHtml(
    {
      kid: key.kid,
      publicKey: key.publicKey.toString('base64url'),
      event: { name: event.name, organiser: event.organiser, dates: idDateList(event.days.map((d) => d.date)) },
      // As the QR carries them: verify.html compares the QR's number with these (issue 18, defect 4).
      revoked: revokedNumbers(ctx.db, event.id).map((r) => ({ ...r, number: normaliseNumber(r.number) })),
      exportedAt: nowIso(ctx),
    },
    options,
  );
  return { event, key, html };
}

/** The kiosk's current event's page (what the web host serves), or null when there is no event yet. */
export function currentVerifyPage(ctx: Ctx, options: VerifyPageOptions = {}): string | null {
  const eventId = activeEventId(ctx.db);
  return eventId === null ? null : verifyPageFor(ctx, eventId, options).html;
}
