import type { z } from 'zod';
import type { OpName } from '../shared/op-names';

/**
 * An operation's input schema, loading only the part of the contract that declares it (issue 21
 * item 5). shared/contract.ts merges every operation; building all its zod schemas was about a
 * third of what a CLI check-in spent starting. The check-in's and the event's operations are
 * declared in parts of their own (shared/contract-checkin.ts, contract-event.ts) that the contract
 * spreads in, so there is still one declaration. An operation found in no part is taken from the
 * whole contract: every payload of every transport is still validated by its schema.
 */
type Part = () => Promise<Partial<Record<OpName, { input: z.ZodType }>>>;

const PARTS: Record<string, Part> = {
  checkin: () => import('../shared/contract-checkin').then((m) => m.checkinContract),
  event: () => import('../shared/contract-event').then((m) => m.eventContract),
};

/** Where an operation's schema was found: its part, or the whole contract. */
export async function lookUpSchema(name: OpName): Promise<{ input: z.ZodType; from: 'part' | 'contract' }> {
  const part = PARTS[name.slice(0, name.indexOf('.'))];
  const def = part ? (await part())[name] : undefined;
  if (def) return { input: def.input, from: 'part' };
  const { contract } = await import('../shared/contract');
  return { input: contract[name].input, from: 'contract' };
}

const found = new Map<OpName, z.ZodType>();

export async function inputSchemaOf(name: OpName): Promise<z.ZodType> {
  let s = found.get(name);
  if (!s) found.set(name, (s = (await lookUpSchema(name)).input));
  return s;
}
