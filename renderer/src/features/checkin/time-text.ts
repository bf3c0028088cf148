import type { Lang } from '../../../../electron/shared/contract';

/** HH:MM from the core (already in the event's time zone) as each language writes it: 09.15 / 09:15. */
export const hhmm = (time: string, lang: Lang) => (lang === 'id' ? time.replace(':', '.') : time);
