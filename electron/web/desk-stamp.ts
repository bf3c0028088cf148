import { contract } from '../shared/contract';
import type { OpName } from '../shared/op-names';

/**
 * A desk on the venue network records under the name it joined with (issue 19, item 7): the hub
 * writes that name into every `desk` field of an operation's input, wherever the typed contract
 * puts one. Not only the top-level field: `jobs.start` carries the job's own input, whose `desk`
 * (an import, a certificate batch) an organiser desk could otherwise fill with any name.
 *
 * The places are read from the contract's zod schemas once, so a new operation or job with a
 * `desk` field is stamped without a line here (tests/unit/hub-roles.test.ts checks a nested one).
 */
export interface DeskPath {
  /** Keys from the input down to the `desk` field: ['desk'], ['input', 'desk']. */
  path: string[];
  /**
   * Every valid input has this object (no union on the way): the name is written even when the
   * desk left the field out. Behind a union (jobs.start's jobs) only an existing field is
   * replaced: a job whose input has no `desk` must not be given one its schema would refuse.
   */
  always: boolean;
}

type Def = {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
};
const defOf = (s: unknown): Def => ((s as { _zod?: { def?: Def } })?._zod?.def ?? {}) as Def;

/** Where `desk` fields are in a schema (objects, optional/default/nullable wrappers, unions, pipes). */
export function deskPaths(schema: unknown, at: string[] = [], always = true, depth = 0): DeskPath[] {
  if (depth > 8) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: DeskPath[] = [];
      for (const [k, v] of Object.entries(def.shape ?? {})) {
        if (k === 'desk') out.push({ path: [...at, k], always });
        else out.push(...deskPaths(v, [...at, k], always && !optionalAt(v), depth + 1));
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return deskPaths(def.innerType, at, always, depth + 1);
    case 'pipe':
      return deskPaths(def.in, at, always, depth + 1);
    case 'lazy':
      return def.getter ? deskPaths(def.getter(), at, always, depth + 1) : [];
    case 'union':
      return merge((def.options ?? []).flatMap((o) => deskPaths(o, at, false, depth + 1)));
    case 'intersection':
      return merge([...deskPaths(def.left, at, always, depth + 1), ...deskPaths(def.right, at, always, depth + 1)]);
    default:
      return [];
  }
}

/** A nested object the input may leave out is not always there either. */
const optionalAt = (s: unknown) => ['optional', 'nullable', 'default', 'prefault'].includes(defOf(s).type ?? '');

function merge(paths: DeskPath[]): DeskPath[] {
  const by = new Map<string, DeskPath>();
  for (const p of paths) {
    const k = p.path.join('.');
    const had = by.get(k);
    by.set(k, { path: p.path, always: (had?.always ?? true) && p.always });
  }
  return [...by.values()];
}

const PATHS = new Map<string, DeskPath[]>(
  Object.entries(contract).map(([op, def]) => [op, deskPaths((def as { input: unknown }).input)] as const),
);

/** Writes `name` into every desk field of `op`'s input (in place); the input is then validated as usual. */
export function stampDesk(op: OpName, input: unknown, name: string): void {
  for (const { path, always } of PATHS.get(op) ?? []) {
    let obj: unknown = input;
    for (const k of path.slice(0, -1)) obj = obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[k] : undefined;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
    const last = path[path.length - 1]!;
    if (always || last in obj) (obj as Record<string, unknown>)[last] = name;
  }
}

/** The desk paths of every operation (the test's view of the table above). */
export const deskPathsByOp = (): ReadonlyMap<string, DeskPath[]> => PATHS;
