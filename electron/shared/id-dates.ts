// Dates as they are written on an Indonesian certificate: "8 September 2022", "7–8 September 2022".
// Plain tables rather than Intl, so a PDF renderer in a worker prints the same words everywhere.
// Dates are calendar days (YYYY-MM-DD); no time zone is involved.

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** "8 September 2022". */
export function idDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${BULAN[m - 1]} ${y}`;
}

const consecutive = (a: string, b: string) => Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`) === 86_400_000;

/**
 * The event's days as one phrase: "7–8 September 2022" for a run, "30 September – 1 Oktober 2022"
 * across months, "7, 9 dan 12 September 2022" when days are not consecutive.
 */
export function idDateList(dates: string[]): string {
  const ds = [...new Set(dates)].sort();
  if (!ds.length) return '';
  const first = ds[0]!;
  const last = ds[ds.length - 1]!;
  if (ds.length === 1) return idDate(first);
  const run = ds.every((d, i) => i === 0 || consecutive(ds[i - 1]!, d));
  const [y1, m1, d1] = parts(first);
  const [y2, m2, d2] = parts(last);
  if (run) {
    if (y1 !== y2) return `${idDate(first)} – ${idDate(last)}`;
    if (m1 !== m2) return `${d1} ${BULAN[m1 - 1]} – ${d2} ${BULAN[m2 - 1]} ${y2}`;
    return `${d1}–${d2} ${BULAN[m2 - 1]} ${y2}`;
  }
  // Not consecutive: group by month, "7 dan 9 September 2022", "28 September, 3 dan 5 Oktober 2022".
  const groups: { ym: string; days: number[]; m: number; y: number }[] = [];
  for (const d of ds) {
    const [y, m, day] = parts(d);
    const g = groups[groups.length - 1];
    if (g && g.y === y && g.m === m) g.days.push(day);
    else groups.push({ ym: d.slice(0, 7), days: [day], m, y });
  }
  const words = groups.map((g, gi) => {
    const showYear = gi === groups.length - 1 || groups[gi + 1]!.y !== g.y;
    return { days: g.days.map(String), tail: `${BULAN[g.m - 1]}${showYear ? ` ${g.y}` : ''}` };
  });
  const items = words.flatMap((w) => w.days.map((d, i) => (i === w.days.length - 1 ? `${d} ${w.tail}` : d)));
  return items.length === 2 ? items.join(' dan ') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}
