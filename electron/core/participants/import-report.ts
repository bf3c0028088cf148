import { FIELDS, PERSONAL_FIELDS, type Field, type ParticipantInput } from '../../shared/participant';
import { MAX_LISTED, type ImportChange, type ImportPreview, type ImportWarning, type KeptDeleted } from '../../shared/import';
import { nameCoverage } from '../pdf/cmap-coverage';
import type { PreparedRow } from './import/prepare';
import type { ImportSummary } from './import/read-import-kind';
import { PRINTABLE_ASCII, SAMPLE_ROWS, type ImportGlance } from './import/glance';
import { maskPersonal } from './mask';
import { mostlyNew } from './import/column-check';

/** How the valid rows of a file land against the stored list (import-commit.ts walkRows). */
export interface Plan {
  inserted: number;
  updated: number;
  unchanged: number;
  keptDeleted: number;
  keptDeletedPeople: KeptDeleted[];
  changes: ImportChange[];
  appEditsKept: number;
}

/** A plan with nothing in it yet: what a walk starts from, and every row of an empty event is new. */
export const emptyPlan = (): Plan => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  keptDeleted: 0,
  keptDeletedPeople: [],
  changes: [],
  appEditsKept: 0,
});

/**
 * What the preview's report shows of the rows themselves, gathered as they go by (the walk's
 * `seen`) or from the worker's glance: the first ten, masked, and the names the fonts cannot draw.
 */
export class RowsSeen {
  readonly sample: ImportPreview['sample'] = [];
  private readonly undrawable: Undrawable[] = [];
  private undrawableCount = 0;

  constructor(private readonly resourcesDir: string) {}

  /** One row, in file order. */
  readonly row = (r: PreparedRow): void => {
    this.sampled(r);
    if (r.valid) this.name(r.line, r.values.name);
  };

  /** What the worker saw instead, when it sent no rows (ReadImportInput.glanceOnly). */
  glance(g: ImportGlance): void {
    g.firstRows.forEach((r) => this.sampled(r));
    for (const n of g.unusualNames) this.name(n.line, n.name);
  }

  private sampled(r: PreparedRow): void {
    if (this.sample.length < SAMPLE_ROWS) this.sample.push({ line: r.line, valid: r.valid, values: maskedValues(r.values) });
  }

  private name(line: number, name: string): void {
    // Most names are plain ASCII, which every name font draws whole; the fonts are read only
    // for the others (~0.15 s the first time).
    if (PRINTABLE_ASCII.test(name)) return;
    const missing = nameCoverage(this.resourcesDir).missing(name);
    if (!missing.length) return;
    if (this.undrawableCount++ < UNDRAWABLE_LISTED) this.undrawable.push({ line, name, missing });
  }

  /** Names the bundled fonts cannot fully draw (empty boxes on the badge and certificate), listed by line. */
  warning(valid: number): ImportWarning | null {
    if (!this.undrawableCount) return null;
    return {
      code: 'undrawable_names',
      column: '',
      field: 'name',
      // Every one of them, up to a readable list: the organiser checks these people by name.
      examples: this.undrawable.map((h) => `${h.line}: ${h.name} (${h.missing.join(' ')})`),
      count: this.undrawableCount,
      of: valid,
    };
  }
}

type Undrawable = { line: number; name: string; missing: string[] };
/** Undrawable names listed by line in the warning: a readable list; the rest are counted. */
const UNDRAWABLE_LISTED = 50;

/**
 * The preview's report of a file: what the worker found (`s`), how its rows land (`plan`), what
 * was seen of them, against the `existing` participants (counted before anything is written).
 */
export function reportOf(s: ImportSummary, plan: Plan, seen: RowsSeen, existing: number): ImportPreview {
  const valid = s.rowCount - s.invalidRows;
  const again = mostlyNew(plan.inserted, valid, existing);
  const boxes = seen.warning(valid);
  return {
    format: s.table.format,
    encoding: s.table.encoding,
    delimiter: s.table.delimiter,
    headers: s.table.headers,
    mapping: s.mapping,
    sample: seen.sample,
    totalRows: s.rowCount,
    validRows: valid,
    problems: s.problems,
    moreProblems: s.moreProblems,
    wouldInsert: plan.inserted,
    wouldUpdate: plan.updated,
    unchanged: plan.unchanged,
    keptDeleted: plan.keptDeleted,
    keptDeletedPeople: plan.keptDeletedPeople.slice(0, MAX_LISTED),
    changes: plan.changes.slice(0, MAX_LISTED).map(maskChange),
    changeCount: plan.changes.length,
    appEditsKept: plan.appEditsKept,
    formulaRows: s.formulaRows,
    warnings: [...s.warnings, ...(again ? [again] : []), ...(boxes ? [boxes] : [])],
  };
}

function maskedValues(v: ParticipantInput): Record<Field, string | null> {
  return maskPersonal(Object.fromEntries(FIELDS.map((f) => [f, v[f]])) as Record<Field, string | null>);
}

/**
 * Personal data stays masked in the list of changes, as everywhere on screen, unless masking
 * would hide the change itself ("0813•••311 → 0813•••311"): the organiser must see what changes.
 */
function maskChange(c: ImportChange): ImportChange {
  if (!(PERSONAL_FIELDS as readonly Field[]).includes(c.field)) return c;
  const masked = maskPersonal({ [c.field]: c.old } as Record<Field, string | null>)[c.field] ?? null;
  const maskedNew = maskPersonal({ [c.field]: c.new } as Record<Field, string | null>)[c.field] ?? null;
  return masked === maskedNew ? c : { ...c, old: masked, new: maskedNew };
}
