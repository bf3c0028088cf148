// The names offered for a session's speakers and moderators on the event form (issue 20, item 4):
// the participants registered as narasumber or moderator. Read once per event; a role named
// otherwise ("Pemateri", "Fasilitator") offers its people for both fields.
import { useEffect, useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';

const MODERATOR = /moderator|fasilitator|pemandu/i;
const SPEAKER = /narasumber|pemateri|pembicara|speaker|instruktur|fasilitator|widyaiswara/i;

export function useSessionPeople(event: HadirEvent | undefined): { speakers: string[]; moderators: string[] } {
  const [people, setPeople] = useState({ speakers: [] as string[], moderators: [] as string[] });
  const eventId = event?.id;
  const roles = (event?.roles ?? []).filter((r) => SPEAKER.test(r) || MODERATOR.test(r));
  const key = roles.join('|');
  useEffect(() => {
    if (!eventId || roles.length === 0) return;
    let live = true;
    void (async () => {
      const out = { speakers: [] as string[], moderators: [] as string[] };
      for (const role of roles) {
        const names = (await api('participants.list', { eventId, role, limit: 1000 })).rows.map((r) => r.name);
        if (SPEAKER.test(role)) out.speakers.push(...names);
        if (MODERATOR.test(role)) out.moderators.push(...names);
      }
      if (live) setPeople(out);
    })().catch(() => undefined); // only suggestions: the form works without them
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the roles' names are the key
  }, [eventId, key]);
  return people;
}
