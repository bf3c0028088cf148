/** One replaced badge code in a desk's snapshot (op checkin.replacedCodes, issue 19). */
export interface ReplacedCodeRow {
  /** The retired code. */
  code: string;
  /** Whose badge it was. */
  name: string;
  /** When it was replaced (ISO UTC). */
  replacedAt: string;
}
