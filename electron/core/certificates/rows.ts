import type { CertRow, EligibilityRule } from '../../shared/certificates';
import type { CertParticipantRow } from '../../db/repositories/certificates';
import { eligibility } from './eligibility';

/** A participant's line on the certificates screen: attendance, eligibility and why, number, prints. */
export function toCertRow(r: CertParticipantRow, rule: EligibilityRule, totalDays: number): CertRow {
  const daysPresent = r.days
    ? r.days
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  return {
    participantId: r.id,
    code: r.code,
    name: r.name,
    regency: r.regency,
    role: r.role,
    daysPresent,
    eligibility: eligibility(rule, { daysPresent, totalDays, deleted: Boolean(r.deleted), override: r.overrideReason !== null }),
    override: r.overrideReason !== null ? { reason: r.overrideReason, at: r.overrideAt!, actor: r.overrideActor! } : null,
    number: r.number,
    issuedAt: r.issuedAt,
    prints: r.prints,
    revoked: r.revokedAt ? { at: r.revokedAt, reason: r.revokedReason ?? '' } : null,
  };
}
