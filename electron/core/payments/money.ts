// Money in Hadir is whole rupiah held as integers: amounts, sums and tax never pass through a
// fraction. A value that is not a safe integer is refused at once rather than silently rounded.

/** Refuses anything but a whole, non-negative, safe integer amount. */
export function rupiah(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole rupiah amount: ${n}`);
  return n;
}

/** Sum of whole amounts, checked to stay a safe integer (5,000 people x Rp 10 juta is far below). */
export function sumRupiah(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s = rupiah(s + rupiah(v));
  return s;
}

/** 1250000 -> "1.250.000": the Indonesian thousands separator, digits only (no float formatting). */
export function formatRupiah(n: number): string {
  return String(rupiah(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
