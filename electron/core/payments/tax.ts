// The income tax (PPh pasal 21) withheld from an honorarium or allowance, per PP 80/2010: for civil
// servants 0 % for grades I and II, 5 % for grade III, 15 % for grade IV, final. Anyone else (no
// grade: a non-civil-servant) is withheld at a rate set per person (default: the event's rate for
// non-civil-servants). Rates are whole basis points (500 = 5 %), so tax is integer arithmetic.

export type Grade = 'I' | 'II' | 'III' | 'IV';

/** PP 80/2010, in basis points. */
export const GRADE_RATE_BP: Record<Grade, number> = { I: 0, II: 0, III: 500, IV: 1500 };

/**
 * The civil servants' pangkat names (PP 99/2000), each with its grade: a rank column may hold the
 * name alone ("Penata Tingkat I", no golongan), and that civil servant is still taxed by grade,
 * not at the rate for non-civil-servants. Only a whole name counts ("Penata Rias" is no rank).
 */
const PANGKAT_GRADE = new Map<string, Grade>([
  ['juru muda', 'I'],
  ['juru muda tingkat i', 'I'],
  ['juru', 'I'],
  ['juru tingkat i', 'I'],
  ['pengatur muda', 'II'],
  ['pengatur muda tingkat i', 'II'],
  ['pengatur', 'II'],
  ['pengatur tingkat i', 'II'],
  ['penata muda', 'III'],
  ['penata muda tingkat i', 'III'],
  ['penata', 'III'],
  ['penata tingkat i', 'III'],
  ['pembina', 'IV'],
  ['pembina tingkat i', 'IV'],
  ['pembina utama muda', 'IV'],
  ['pembina utama madya', 'IV'],
  ['pembina utama', 'IV'],
]);

/** "Penata Muda  Tk.I" -> "penata muda tingkat i": words apart, "Tk." spelled out. */
const pangkatKey = (rank: string) =>
  rank
    .toLowerCase()
    .trim()
    .split(/[\s.]+/)
    .map((w) => (w === 'tk' ? 'tingkat' : w))
    .join(' ');

/**
 * The grade (golongan) in a pangkat/golongan text: "Penata Muda (III/a)", "III/a", "IV-b",
 * "Pembina Utama Muda, IV/c", "Gol. II", "Penata Tingkat I". Null when there is none (a
 * non-civil-servant).
 */
export function gradeOf(rank: string | null | undefined): Grade | null {
  if (!rank) return null;
  // Grade and room first ("III/a"), so "Penata Tingkat I (III/d)" is grade III, not I; then a bare
  // "Gol. II" or "II"; then a pangkat name alone.
  const m =
    /(?:^|[^a-z])(iv|iii|ii|i)\s*[/-]\s*[a-e](?![a-z])/i.exec(rank) ??
    /\bgol(?:ongan)?\.?\s*(iv|iii|ii|i)(?![a-z])/i.exec(rank) ??
    /^\s*(iv|iii|ii|i)\s*$/i.exec(rank);
  if (m) return m[1]!.toUpperCase() as Grade;
  return PANGKAT_GRADE.get(pangkatKey(rank)) ?? null;
}

/**
 * Tax on a gross amount at `rateBp`. Rounding rule: to the nearest whole rupiah, a half rounded
 * up (as Excel's ROUND, which the offices' sheets used), computed on integers only.
 */
export function taxOn(gross: number, rateBp: number): number {
  if (!Number.isSafeInteger(gross) || gross < 0) throw new RangeError(`not a whole rupiah amount: ${gross}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`not a tax rate in basis points: ${rateBp}`);
  return Number((BigInt(gross) * BigInt(rateBp) * 2n + 10_000n) / 20_000n);
}

/** The rate applying to a person: their grade's, or (no grade) their own rate, or the event's default. */
export function rateFor(rank: string | null | undefined, personalBp: number | null, nonCivilDefaultBp: number): number {
  const g = gradeOf(rank);
  if (g) return GRADE_RATE_BP[g];
  return personalBp ?? nonCivilDefaultBp;
}
