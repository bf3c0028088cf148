// Check-in desk strings added for issue 16, English. Same keys as checkin-desk.id.ts.
import type { checkinDeskId } from './checkin-desk.id';

export const checkinDeskEn: Record<keyof typeof checkinDeskId, string> = {
  'checkin.day.auto.short': 'Automatic',
  'checkin.day.auto.hint': 'today’s date ({zone})',
  'checkin.day.dayN': 'Day {n}',
};
