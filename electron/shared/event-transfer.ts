import { z } from 'zod';
import { eventRef } from './desk';
import { bytesInput } from './file';

export const eventExportInput = z.object({ ...eventRef }).strict();
/**
 * new: add the event beside the kiosk's others. merge: add the file's rows into the same event
 * already on this kiosk (known by its key): participants by badge code, scans by uuid.
 */
export const eventImportInput = z.object({ bytes: bytesInput, mode: z.enum(['new', 'merge']) }).strict();
export type ImportMode = z.output<typeof eventImportInput>['mode'];

export interface EventImportOutcome {
  eventId: number;
  /** false: merged into the same event already on this kiosk. */
  created: boolean;
  /** Rows added per table (a merge skips what the kiosk already has). */
  added: Record<string, number>;
}
