import { ofEvent, op } from './contract-op';
import {
  attendanceInput,
  scanInput,
  searchInput,
  statsInput,
  undoInput,
  walkInInput,
  type AttendanceRow,
  type CheckinStats,
  type ScanOutcome,
  type SearchResult,
  type UndoOutcome,
} from './checkin';
import type { ReplacedCodeRow } from './checkin-snapshot';

/**
 * The check-in desk's operations, a part of the contract (contract.ts merges it): a scan from a
 * script or a scanner hook is validated with these schemas alone (core/lazy-schemas.ts).
 */
export const checkinContract = {
  // The check-in desk: every input (webcam, wedge scanner, search, CLI) calls checkin.scan.
  'checkin.scan': op<ScanOutcome>()(scanInput),
  'checkin.undo': op<UndoOutcome>()(undoInput),
  'checkin.walkIn': op<ScanOutcome>()(walkInInput),
  'checkin.stats': op<CheckinStats>()(statsInput),
  'checkin.attendance': op<AttendanceRow[]>()(attendanceInput),
  'checkin.search': op<SearchResult[]>()(searchInput),
  /** The event's replaced badge codes, for a desk's snapshot (issue 19): "kartu lama, diganti" offline. */
  'checkin.replacedCodes': op<ReplacedCodeRow[]>()(ofEvent),
};
