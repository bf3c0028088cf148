import { requiredDays, type Eligibility, type EligibilityRule } from '../../shared/certificates';

export interface AttendanceFacts {
  /** Day numbers (1-based) on which the person is present, from the attendance view. */
  daysPresent: number[];
  /** How many days the event has. */
  totalDays: number;
  deleted: boolean;
  /** The organiser's "qualifies anyway", if any. */
  override: boolean;
}

/**
 * Pure: does this person qualify, and if not, why. An override qualifies someone the rule does
 * not, but the rule's reason is kept so every screen can still say what the override covered.
 * A deleted participant never qualifies, override or not: the list no longer holds them.
 */
export function eligibility(rule: EligibilityRule, f: AttendanceFacts): Eligibility {
  if (f.deleted) return { eligible: false, via: null, reason: { code: 'deleted' } };
  const present = [...new Set(f.daysPresent)].filter((d) => d >= 1 && d <= f.totalDays).sort((a, b) => a - b);
  const required = requiredDays(rule, f.totalDays);
  if (present.length >= required) return { eligible: true, via: 'rule', reason: null };
  const missing = Array.from({ length: f.totalDays }, (_, i) => i + 1).filter((d) => !present.includes(d));
  const reason = { code: 'missing_days' as const, present, missing, required, total: f.totalDays };
  return f.override ? { eligible: true, via: 'override', reason } : { eligible: false, via: null, reason };
}
