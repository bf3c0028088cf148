import { z } from 'zod';
import { eventRef } from './desk';
import { bytesInput } from './file';
import type { ReconciliationCase } from './reconciliation';

export const eventExportInput = z.object({ ...eventRef }).strict();
/**
 * new: add the event beside the kiosk's others. merge: add the file's rows into the same event
 * already on this kiosk (known by its key): participants by badge code, scans by uuid; what the
 * kiosk has is kept as it is. replace: the same, and every row both have takes the file's values
 * (the event's details, participants, certificate settings); the append-only scan log only ever
 * grows, so check-ins made on this kiosk stay.
 */
export const eventImportInput = z.object({ bytes: bytesInput, mode: z.enum(['new', 'merge', 'replace']) }).strict();
export type ImportMode = z.output<typeof eventImportInput>['mode'];

export interface EventImportOutcome {
  eventId: number;
  /** false: merged into the same event already on this kiosk. */
  created: boolean;
  /** Rows added per table (a merge skips what the kiosk already has). */
  added: Record<string, number>;
  /** Rows given the file's values per table (replace; the event row itself counts under 'event'). */
  updated: Record<string, number>;
  /**
   * A merge's reconciliation (issue 19, item 6): the cases its check-ins made, such as people
   * checked in on both laptops. Absent for a new event and for a file that brought no scans.
   */
  reconciliation?: ReconciliationCase[];
}
