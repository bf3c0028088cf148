import type { CertRow, CertSettings } from '../../shared/certificates';
import type { HadirEvent } from '../../shared/event';
import {
  certParticipant,
  certificateOf,
  deleteUnprintedCertificates,
  insertCertificate,
  logPrint,
  nextSeq,
  numberTaken,
} from '../../db/repositories/certificates';
import { audited } from '../audited';
import { nowIso, type Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { signClaim } from './claim';
import { claimUrl } from '../../shared/cert-claim';
import { eventKey } from './key';
import { formatNumber } from '../../shared/cert-number';
import { signingDate } from './render-input';
import type { CertData } from './render/types';
import { toCertRow } from './rows';
import { identityOf } from './identity';

/** How it was printed; who printed it (kiosk, a desk, the CLI) is the actor. */
export type PrintVia = 'on_demand' | 'batch';

/**
 * Gives each of these participants their certificate number (once: a number already assigned
 * is kept, whatever the pattern says now) and signs their claim. All or nothing: one person who
 * does not qualify (and has no override) or whose certificate was revoked stops the whole call,
 * with the reason, and no number is taken. Runs in an IMMEDIATE transaction so two desks
 * issuing at once never draw the same sequence number.
 */
export function assignNumbers(
  ctx: Ctx,
  event: HadirEvent,
  settings: CertSettings,
  participantIds: number[],
): { rows: CertRow[]; certs: (CertData & { certificateId: number })[]; newIds: number[] } {
  const at = nowIso(ctx);
  const key = eventKey(ctx.db, event.id, at);
  const dayDate = new Map(event.days.map((d) => [d.dayNo, d.date]));
  const date = signingDate(settings.template, event);
  const run = () => {
    const rows: CertRow[] = [];
    const certs: (CertData & { certificateId: number })[] = [];
    const assigned: string[] = [];
    const newIds: number[] = [];
    for (const id of participantIds) {
      let r = certParticipant(ctx.db, event.id, id);
      if (!r) throw new HadirError('not_found', `Participant ${id} was not found.`, { id });
      const row = toCertRow(r, settings.rule, event.days.length);
      if (row.revoked) {
        throw new HadirError('revoked', `The certificate of ${r.name} (${row.number}) was revoked: ${row.revoked.reason}`, {
          name: r.name,
          number: row.number!,
          reason: row.revoked.reason,
        });
      }
      if (!row.number && !row.eligibility.eligible) throw notEligible(row, id);
      if (!r.certId) {
        let seq = nextSeq(ctx.db, event.id);
        while (numberTaken(ctx.db, event.id, formatNumber(settings.pattern, seq, date))) seq++;
        const number = formatNumber(settings.pattern, seq, date);
        newIds.push(insertCertificate(ctx.db, event.id, id, seq, number, at));
        assigned.push(number);
        r = certParticipant(ctx.db, event.id, id)!;
      }
      const issued = toCertRow(r, settings.rule, event.days.length);
      rows.push(issued);
      const claim = {
        kid: key.kid,
        number: r.number!,
        name: r.name,
        days: issued.daysPresent.map((d) => dayDate.get(d)!).filter(Boolean),
      };
      certs.push({
        certificateId: r.certId!,
        number: r.number!,
        name: r.name,
        role: r.role,
        regency: r.regency,
        qr: claimUrl(settings.template.verifyUrl, signClaim(claim, key.sign)),
        identity: identityOf(r),
      });
    }
    return { rows, certs, assigned, newIds };
  };
  // Numbers to hand out: one IMMEDIATE transaction with its audit row. Reprints only: no audit.
  const needsNumber = participantIds.some((id) => !certificateOf(ctx.db, event.id, id));
  const out = needsNumber
    ? audited(
        ctx,
        {
          action: 'certificates.number',
          detail: (o) => ({ count: o.assigned.length, first: o.assigned[0], last: o.assigned[o.assigned.length - 1] }),
          eventId: event.id,
        },
        run,
      )
    : ctx.db.transaction(run)();
  return { rows: out.rows, certs: out.certs, newIds: out.newIds };
}

/**
 * Takes back the numbers this call assigned when its PDF was not made (a render that failed or
 * was cancelled): a number belongs to a certificate that left the kiosk, and an unprinted one
 * would otherwise sit in the register as issued. Only numbers never printed and not revoked.
 */
export function releaseNumbers(ctx: Ctx, eventId: number, certificateIds: number[]): void {
  if (!certificateIds.length) return;
  audited(ctx, { action: 'certificates.release', detail: (n: number) => ({ count: n }), eventId }, () =>
    deleteUnprintedCertificates(ctx.db, eventId, certificateIds),
  );
}

/** After the PDF is made: one print row per certificate, and one audit row for the lot. */
export function logPrints(ctx: Ctx, eventId: number, certs: { certificateId: number; number: string }[], via: PrintVia): void {
  const detail = { via, count: certs.length, numbers: certs.length <= 20 ? certs.map((c) => c.number) : undefined };
  audited(ctx, { action: 'certificates.print', detail, eventId }, (at) => {
    for (const c of certs) logPrint(ctx.db, eventId, c.certificateId, at, ctx.actor, via);
  });
}

/** The screen offers "override" on a refusal: the error names whom (participantId). */
export function notEligible(row: CertRow, participantId: number): HadirError {
  const r = row.eligibility.reason;
  if (r?.code === 'missing_days') {
    return new HadirError(
      'not_eligible',
      `${row.name} does not qualify: present on ${r.present.length} of ${r.total} days, ${r.required} required.`,
      {
        name: row.name,
        present: r.present.length,
        total: r.total,
        required: r.required,
        missing: r.missing.join(', '),
        participantId,
      },
    );
  }
  return new HadirError('not_eligible', `${row.name} is no longer on the list.`, { name: row.name, deleted: 1, participantId });
}
