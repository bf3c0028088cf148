/**
 * Event days as the organiser types them: day first, "07/09/2022", the way Indonesia (and the
 * app's English, en-GB) writes dates. The browser's <input type=date> followed the OS locale
 * instead, showed mm/dd/yyyy on an American-set laptop, and turned "07/09/2022" into 9 July.
 * A date pasted in ISO form (2022-09-07) is taken as it is.
 */
export type DayParse = { iso: string } | { error: 'empty' | 'format' | 'calendar' };

export function parseDay(text: string): DayParse {
  const s = text.trim();
  if (s === '') return { error: 'empty' };
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3])];
  else return { error: 'format' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: 'calendar' };
  }
  return { iso: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** "2022-09-07" -> "07/09/2022", how a stored day is shown for editing. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
