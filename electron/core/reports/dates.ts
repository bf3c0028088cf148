/** "Rabu, 7 September 2022" (or without the weekday) for a YYYY-MM-DD calendar date, as offices write it. */
export function spelledDate(date: string, weekday = true): string {
  return new Intl.DateTimeFormat('id-ID', {
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
