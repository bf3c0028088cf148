import { z } from 'zod';
import { bytesInput } from './file';
import { FIELDS, type Field } from './participant';

/** The picked file itself, as bytes (file.ts); its size is checked by the import (limits.ts). */
export const fileInput = z.object({
  fileName: z.string().trim().min(1).max(260),
  bytes: bytesInput,
});

export const mappingInput = z.array(z.enum(FIELDS).nullable()).max(200);

export const importPreviewInput = fileInput.extend({
  /** Omitted on the first look: the host guesses it from the headers. */
  mapping: mappingInput.optional(),
});

export const importCommitInput = fileInput.extend({
  mapping: mappingInput,
  /** false = refuse the whole file when any row has an error; true = import the good rows only. */
  skipInvalid: z.boolean(),
});

export interface ImportProblem {
  /** Line as the organiser sees it in Excel: the header is line 1. */
  line: number;
  column: string;
  field: Field | null;
  code: string;
  value: string;
  warning: boolean;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  headers: string[];
  mapping: (Field | null)[];
  /** The first rows as they would be stored (personal fields masked). */
  sample: { line: number; values: Record<Field, string | null>; valid: boolean }[];
  totalRows: number;
  validRows: number;
  problems: ImportProblem[];
  /** How the valid rows would land; the commit walks the rows the same way. */
  wouldInsert: number;
  wouldUpdate: number;
  /** Known participants the file would not change (a re-import of the same file: all of them). */
  unchanged: number;
  /** Rows matching a participant the organiser deleted: they stay deleted. */
  keptDeleted: number;
}

export interface ImportOutcome {
  inserted: number;
  updated: number;
  /** Known participants the file did not change: nothing was written for them. */
  unchanged: number;
  skipped: number;
  /** Rows matching a participant the organiser deleted: left deleted, not revived. */
  keptDeleted: number;
}
