// Check-in desk strings added for issue 16 (day choice, partial scanner reads, event-zone
// times, accessible regions), Bahasa Indonesia. Spread into id.ts; en has the same keys.
export const checkinDeskId = {
  'checkin.day.auto.short': 'Otomatis',
  'checkin.day.auto.hint': 'tanggal hari ini ({zone})',
  'checkin.day.dayN': 'Hari {n}',
};
