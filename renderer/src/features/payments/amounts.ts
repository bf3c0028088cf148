// Money as typed on the event screen, parsed without floating point: "150.000" or "150000" ->
// 150000; "2,5" % -> 250 basis points. Null when it is not a whole amount.
import { MAX_RATE } from '../../../../electron/shared/payments';

export function parseRupiah(s: string): number | null {
  const t = s.replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  const digits = /^\d+$/.test(t) ? t : /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : null;
  if (digits === null || digits.length > 12) return null;
  const n = Number(digits);
  return n <= MAX_RATE ? n : null;
}

/** 150000 -> "150.000". */
export const showRupiah = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** "6" or "2,5" or "2.5" percent -> basis points (600, 250); null when not 0-100 with at most two decimals. */
export function parsePercent(s: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  return bp <= 10_000 ? bp : null;
}

/** 250 -> "2,5". */
export const showPercent = (bp: number) => `${Math.floor(bp / 100)}${bp % 100 ? `,${String(bp % 100).padStart(2, '0').replace(/0$/, '')}` : ''}`;
