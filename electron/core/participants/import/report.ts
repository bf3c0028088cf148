import type { ImportProblem } from '../../../shared/import';

/**
 * The report lists this many problems; the rest are counted ("and N more"). A file with an error
 * on every one of 50,000 rows is one mistake repeated (a wrong column, a wrong file): the first
 * few hundred say what it is, and a report of them all was 30 MB that froze the screen.
 */
export const MAX_LISTED_PROBLEMS = 500;
/** Characters of a cell's text quoted in the report; the organiser finds the cell by line and column. */
export const MAX_QUOTED_CHARS = 160;

/** Errors before warnings, then by line; the first MAX_LISTED_PROBLEMS, each value cut short. */
export function listProblems(all: ImportProblem[]): { problems: ImportProblem[]; moreProblems: number } {
  const sorted = [...all].sort((a, b) => Number(a.warning) - Number(b.warning) || a.line - b.line);
  const problems = sorted.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ ...p, value: quote(p.value) }));
  return { problems, moreProblems: sorted.length - problems.length };
}

/** A value as quoted in the report: at most MAX_QUOTED_CHARS characters, an ellipsis if cut. */
export function quote(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS - 1)}…` : value;
}
