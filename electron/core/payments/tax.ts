// The income tax (PPh pasal 21) withheld from an honorarium or allowance, per PP 80/2010: for civil
// servants 0 % for grades I and II, 5 % for grade III, 15 % for grade IV, final. Anyone else (no
// grade: a non-civil-servant) is withheld at a rate set per person (default: the event's rate for
// non-civil-servants). Rates are whole basis points (500 = 5 %), so tax is integer arithmetic.

export type Grade = 'I' | 'II' | 'III' | 'IV';

/** PP 80/2010, in basis points. */
export const GRADE_RATE_BP: Record<Grade, number> = { I: 0, II: 0, III: 500, IV: 1500 };

/**
 * The grade (golongan) in a pangkat/golongan text: "Penata Muda (III/a)", "III/a", "IV-b",
 * "Pembina Utama Muda, IV/c", "Gol. II". Null when there is none (a non-civil-servant).
 */
export function gradeOf(rank: string | null | undefined): Grade | null {
  if (!rank) return null;
  // Grade and room first ("III/a"), so "Penata Tingkat I (III/d)" is grade III, not I; then a bare
  // "Gol. II" or "II".
  const m =
    /(?:^|[^a-z])(iv|iii|ii|i)\s*[/-]\s*[a-e](?![a-z])/i.exec(rank) ??
    /\bgol(?:ongan)?\.?\s*(iv|iii|ii|i)(?![a-z])/i.exec(rank) ??
    /^\s*(iv|iii|ii|i)\s*$/i.exec(rank);
  return m ? (m[1]!.toUpperCase() as Grade) : null;
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
