import type { Db } from '../../db/connection';
import { findReplacedCode } from '../../db/repositories/badges';

/** A badge code that was replaced by a reissue: scanning it answers "badge replaced on <date>". */
export interface ReplacedBadge {
  /** ISO UTC time of the reissue. */
  replacedAt: string;
}

export type ReplacedLookup = (db: Db, eventId: number, code: string) => ReplacedBadge | null;

/** The badges feature (reissue) keeps the replaced codes; the verdict only needs the date. */
export const findReplacedBadge: ReplacedLookup = (db, eventId, code) => {
  const r = findReplacedCode(db, eventId, code);
  return r ? { replacedAt: r.replacedAt } : null;
};
