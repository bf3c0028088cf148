import { z } from 'zod';
import { bytesInput } from './file';
import { FIELDS, type Field } from './participant';

/** The picked file itself, as bytes (file.ts); its size is checked by the import (limits.ts). */
export const fileInput = z.object({
  fileName: z.string().trim().min(1).max(260),
  bytes: bytesInput,
});

/**
 * Columns in use an import may have (empty columns in between are dropped first). The table
 * reader refuses more, so a mapping of this length always fits: preview and commit agree.
 */
export const MAX_IMPORT_COLUMNS = 200;

/**
 * Cells an import may hold: filled ones as the file is read, and data rows × columns in use once
 * the table is made dense (core/participants/import/limits.ts MAX_CELLS). Here so the screens
 * can say the number.
 */
export const MAX_IMPORT_CELLS = 1_000_000;

export const mappingInput = z.array(z.enum(FIELDS).nullable()).max(MAX_IMPORT_COLUMNS);

/** The organiser's choices that change what an import writes: the preview takes them too, so it shows what the commit will do. */
export const importChoices = {
  /**
   * A field the organiser corrected in the app that the file would change: 'keep' the kiosk's value
   * (the default: the file is usually the older copy) or take the 'file' value.
   */
  appEdits: z.enum(['keep', 'file']).default('keep'),
  /** Import values that look like spreadsheet formulas (=, +, -, @) as they are, instead of refusing those rows. */
  allowFormulas: z.boolean().default(false),
};

export const importPreviewInput = fileInput.extend({
  /** Omitted on the first look: the host guesses it from the headers. */
  mapping: mappingInput.optional(),
  ...importChoices,
});

export const importCommitInput = fileInput.extend({
  /** The mapping the organiser confirmed. Omitted only by the CLI without --map: the guessed one, as in the preview. */
  mapping: mappingInput.optional(),
  /** false = refuse the whole file when any row has an error; true = import the good rows only. */
  skipInvalid: z.boolean(),
  /** Also return the preview's report of the same reading (ImportOutcome.report): the CLI reads the file once. */
  report: z.boolean().optional(),
  ...importChoices,
});

/** One field of one known participant that the file would change: person, field, old → new. */
export interface ImportChange {
  line: number;
  participantId: number;
  /** The participant's name as the kiosk has it. */
  name: string;
  field: Field;
  /** Personal fields (NIK, phone, e-mail) are masked, unless masking hides the difference. */
  old: string | null;
  new: string | null;
  /** The organiser changed this field in the app since it was last imported. */
  editedInApp: boolean;
  /** Whether the import writes it (false: the kiosk's value is kept). */
  applied: boolean;
}

/** A deleted participant a row of the file matches: named, so the organiser can restore them. */
export interface KeptDeleted {
  line: number;
  participantId: number;
  name: string;
  code: string;
}

/**
 * A column whose values do not look like the field it is mapped to (the running number "No"
 * mapped to Nama), or an import that would add almost everyone again next to an existing list.
 */
export interface ImportWarning {
  code: 'name_numbers' | 'gender_values' | 'phone_letters' | 'place_numbers' | 'mostly_new' | 'undrawable_names';
  /** The column's header (mapping warnings); '' for mostly_new. */
  column: string;
  field: Field | null;
  /** Values that do not fit, as in the file (a few). */
  examples: string[];
  /** How many values do not fit, of how many (mostly_new: new rows of valid rows; `existing` participants). */
  count: number;
  of: number;
  existing?: number;
}

/** One other value of a problem's row, as the file has it (personal fields masked). */
export interface ProblemRowValue {
  column: string;
  value: string;
}

export interface ImportProblem {
  /** Line as the organiser sees it in Excel: the header is line 1. */
  line: number;
  column: string;
  field: Field | null;
  code: string;
  value: string;
  warning: boolean;
  /**
   * The row's other non-empty values (No, gender, regency, phone…), so the organiser can find the
   * person when the problem value itself says nothing (a name that is a formula). Listed problems only.
   */
  row?: ProblemRowValue[];
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
  /**
   * Errors first, then warnings, by line; at most a few hundred, each value cut short
   * (core/participants/import/report.ts). `moreProblems` counts the ones not listed.
   */
  problems: ImportProblem[];
  moreProblems: number;
  /** How the valid rows would land; the commit walks the rows the same way. */
  wouldInsert: number;
  wouldUpdate: number;
  /** Known participants the file would not change (a re-import of the same file: all of them). */
  unchanged: number;
  /** Rows matching a participant the organiser deleted: they stay deleted. */
  keptDeleted: number;
  /** Who they are (at most MAX_LISTED). */
  keptDeletedPeople: KeptDeleted[];
  /** Every field the file would change of a known participant (at most MAX_LISTED), and how many in all. */
  changes: ImportChange[];
  changeCount: number;
  /** Changes not written because the field was edited in the app and the organiser keeps those. */
  appEditsKept: number;
  /** Rows refused only because a value looks like a formula: what `allowFormulas` would let in. */
  formulaRows: number;
  warnings: ImportWarning[];
}

/** Longest list of changes or deleted people a preview carries; the counts are always complete. */
export const MAX_LISTED = 500;

export interface ImportOutcome {
  inserted: number;
  updated: number;
  /** Known participants the file did not change: nothing was written for them. */
  unchanged: number;
  skipped: number;
  /** Rows matching a participant the organiser deleted: left deleted, not revived. */
  keptDeleted: number;
  keptDeletedPeople: KeptDeleted[];
  /** Changes not written because the field was edited in the app (appEdits 'keep'). */
  appEditsKept: number;
  /** Asked for (importCommitInput.report): the preview's report of what was just imported. */
  report?: ImportPreview;
}
