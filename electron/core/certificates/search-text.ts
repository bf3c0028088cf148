/** Lower case, diacritics removed, spaces collapsed: "Hernández" is found by "hernan". */
export function normaliseForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
