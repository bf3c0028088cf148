// The amount in words, as a daftar penerimaan spells its grand total ("terbilang"): whole rupiah
// only, from nol up to 999 triliun. Integers in, text out; no floating point ever touches money
// (a number must be a safe integer, or pass a bigint).

// No word for a zero digit or the units group: 0 is never spoken inside a number (null, not '',
// so no empty word can slip into the text).
const ONES = [null, 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
/** Thousand groups, lowest first: units, 10^3, 10^6, 10^9, 10^12. */
const SCALES = [null, 'ribu', 'juta', 'miliar', 'triliun'];

/** The largest amount spelled: 999.999.999.999.999 (999 triliun ...). */
export const TERBILANG_MAX = 10n ** 15n - 1n;

/** 0..999 in words; '' for 0. Indonesian joins 1 to the unit: sepuluh, sebelas, seratus. */
function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  // Each range tested once, from the top down, so no bound is checked twice.
  if (h) words.push(h === 1 ? 'seratus' : `${ONES[h]} ratus`);
  if (rest >= 20) {
    words.push(`${ONES[Math.floor(rest / 10)]} puluh`);
    if (rest % 10) words.push(ONES[rest % 10]!);
  } else if (rest >= 12) words.push(`${ONES[rest - 10]} belas`);
  else if (rest === 11) words.push('sebelas');
  else if (rest === 10) words.push('sepuluh');
  else if (rest) words.push(ONES[rest]!);
  return words.join(' ');
}

/** Whole number -> words: 1250000 -> "satu juta dua ratus lima puluh ribu". */
export function terbilang(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new RangeError(`not a whole amount: ${amount}`);
  const n = BigInt(amount);
  if (n < 0n || n > TERBILANG_MAX) throw new RangeError(`amount out of range for terbilang: ${n}`);
  if (n === 0n) return 'nol';
  const groups: number[] = [];
  for (let r = n; r > 0n; r /= 1000n) groups.push(Number(r % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // 1,000 is "seribu", but 101,000 is "seratus satu ribu" and 1,000,000 "satu juta".
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(i === 0 ? below1000(g) : `${below1000(g)} ${SCALES[i]}`);
  }
  return words.join(' ');
}

/** As the grand total line prints it: "satu juta dua ratus lima puluh ribu rupiah". */
export const terbilangRupiah = (amount: number | bigint): string => `${terbilang(amount)} rupiah`;
