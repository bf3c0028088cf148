// The recap the office asks for after the event: attendance per day, per regency or city and per
// role, who was present on every day, and who qualifies for a certificate. Pure aggregation over
// plain rows, so the screen, the XLSX and the CSV all show the same numbers, and a test can check
// them against the scan log.
import type { EligibilityRule } from '../../shared/certificates';
import type { Recap, RecapGroup } from '../../shared/reports';
import { eligibility } from '../certificates/eligibility';

export interface RecapPerson {
  regency: string | null;
  role: string;
  /** Day numbers on which the person is present (attendance view: undo already applied). */
  daysPresent: number[];
  /** The organiser's "qualifies anyway" for a certificate (cert_override). */
  override: boolean;
}

/** Empty regency is grouped under this label, so the totals still add up. */
export const NO_REGENCY = '(tanpa kabupaten/kota)';

export function buildRecap(days: { dayNo: number; date: string }[], people: RecapPerson[], rule: EligibilityRule): Recap {
  const dayNos = days.map((d) => d.dayNo);
  // The same rule the certificates screen applies (day numbers are 1..n there too).
  const qualifies = (p: RecapPerson) =>
    eligibility(rule, { daysPresent: p.daysPresent, totalDays: dayNos.length, deleted: false, override: p.override }).eligible;
  const group = (key: (p: RecapPerson) => string): RecapGroup[] => {
    const map = new Map<string, RecapGroup>();
    for (const p of people) {
      const k = key(p);
      let g = map.get(k);
      if (!g) map.set(k, (g = { name: k, expected: 0, perDay: dayNos.map(() => 0), allDays: 0, qualifies: 0 }));
      g.expected++;
      dayNos.forEach((d, i) => p.daysPresent.includes(d) && g!.perDay[i]!++);
      if (dayNos.length > 0 && dayNos.every((d) => p.daysPresent.includes(d))) g.allDays++;
      if (qualifies(p)) g.qualifies++;
    }
    return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  };
  const total: RecapGroup = {
    name: 'Jumlah',
    expected: people.length,
    perDay: dayNos.map((d) => people.filter((p) => p.daysPresent.includes(d)).length),
    allDays: people.filter((p) => dayNos.length > 0 && dayNos.every((d) => p.daysPresent.includes(d))).length,
    qualifies: people.filter(qualifies).length,
  };
  return {
    days: days.map((d, i) => ({ dayNo: d.dayNo, date: d.date, expected: people.length, present: total.perDay[i]! })),
    byRegency: group((p) => p.regency?.trim() || NO_REGENCY),
    byRole: group((p) => p.role),
    total,
  };
}
