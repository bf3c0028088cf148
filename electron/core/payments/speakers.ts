// The speakers' daftar hadir's data (issue 20, item 4): each session of the programme with the
// people it names as speakers and moderators, their NIP, position and agency looked up among the
// registered participants (by name, as a clerk would compare them). A name nobody registered
// still prints, with empty cells: the sheet is signed on paper and must list everyone.
import type { HadirEvent } from '../../shared/event';
import type { Participant } from '../../shared/participant';
import { HadirError } from '../../shared/errors';
import type { SpeakerSheetInput } from '../reports/daftar-hadir-narasumber';
import { spelledDate } from '../reports/dates';
import { nameKey, sessionPeople } from './sessions';

type Signatures = Pick<SpeakerSheetInput, 'signatory' | 'mengetahui'>;

export function speakerSheetData(event: HadirEvent, people: Participant[], signatures: Signatures): Omit<SpeakerSheetInput, 'fonts'> {
  const byName = new Map<string, Participant[]>();
  for (const p of people) {
    const k = nameKey(p.name);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  const sessions = event.programme
    .map((item, i) => ({
      no: i + 1,
      material: item.material,
      jp: item.jp,
      rows: sessionPeople(item).map(({ name, role }) => {
        const same = byName.get(nameKey(name)) ?? [];
        // Two registrations of one name (a speaker also registered as a participant): the one in
        // the session's role, else the first.
        const p = same.find((x) => nameKey(x.role) === nameKey(role)) ?? same[0];
        return {
          name: p?.name ?? name,
          nip: p?.nip ?? null,
          office: [p?.position, p?.institution].filter(Boolean).join(', '),
          role,
        };
      }),
    }))
    .filter((s) => s.rows.length > 0);
  if (sessions.length === 0) {
    const detail =
      'susunan acara belum menyebut narasumber atau moderator / the programme names no speaker or moderator yet (event screen, programme)';
    throw new HadirError('invalid_input', detail, { detail });
  }
  const first = event.days[0]!.date;
  const last = event.days[event.days.length - 1]!.date;
  return {
    eventName: event.name,
    organiser: event.organiser,
    venue: event.venue,
    city: event.city,
    periodText: first === last ? spelledDate(first) : `${spelledDate(first, false)} s.d. ${spelledDate(last, false)}`,
    sessions,
    ...signatures,
  };
}
