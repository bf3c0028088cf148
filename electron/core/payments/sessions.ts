// The programme's sessions and who speaks or moderates in each (issue 20, item 4). A session is
// one programme item; its speaker and moderator fields hold names as registered, several
// separated by ";" (a panel of two speakers). Pure: the speakers' daftar hadir and the
// honorarium both read the people from here, so they never disagree on who was in a session.

/** Names compared as two clerks would: case, accents, punctuation and spacing aside. */
export const nameKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type SessionRole = 'Narasumber' | 'Moderator';

/** "Dr. A; Ir. B" -> ["Dr. A", "Ir. B"]: trimmed, empty parts dropped, a name named twice kept once. */
export function namesOf(field: string | undefined): string[] {
  const seen = new Set<string>();
  return (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => {
      const k = nameKey(s);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

export interface SessionPerson {
  name: string;
  role: SessionRole;
}

/** Speakers first, then moderators, as the programme names them. */
export function sessionPeople(item: { speaker: string; moderator?: string }): SessionPerson[] {
  return [
    ...namesOf(item.speaker).map((name) => ({ name, role: 'Narasumber' as const })),
    ...namesOf(item.moderator).map((name) => ({ name, role: 'Moderator' as const })),
  ];
}

/**
 * JP per person (by nameKey): the JP of every session they speak or moderate in, each session
 * counted once for a person even when named as both speaker and moderator of it.
 */
export function jpByPerson(programme: { jp: number; speaker: string; moderator?: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of programme) {
    const keys = new Set(sessionPeople(item).map((p) => nameKey(p.name)));
    for (const k of keys) out.set(k, (out.get(k) ?? 0) + item.jp);
  }
  return out;
}
