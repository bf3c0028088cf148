/**
 * Apostrophes and their look-alikes, dropped from the query as they are from the indexed text
 * (migration 0060): "maruf", "ma'ruf" and "Ma’ruf" all find "Ma'ruf", however people type it.
 */
export const APOSTROPHES = /['\u2019\u2018`\u00b4\u02bc\u02bb]/gu;

/**
 * Turns what the desk types into an FTS5 MATCH expression: every word must match the prefix of
 * some word of the participant ("ni luh" finds "Ni Luh Putu …", "ayu kus" finds "… Ayu Kusumawati").
 * Each token is quoted, so FTS5 operators typed by a user (AND, NEAR, *, ") are just text.
 * Case and diacritics are folded by the table's unicode61 remove_diacritics 2 tokenizer.
 */
export function toMatchQuery(query: string): string | null {
  const tokens = query
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!tokens.length) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}
