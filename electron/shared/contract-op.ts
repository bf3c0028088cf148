import { z } from 'zod';
import { eventRef } from './desk';

/**
 * One operation of the contract (contract.ts): its zod input schema and (as a phantom type) its
 * result. Here, not in contract.ts, so that the contract's parts (contract-checkin.ts,
 * contract-event.ts) declare their operations without loading every other schema.
 */
export interface OpDef<I extends z.ZodType, O> {
  input: I;
  /** Never set: carries the result type for the compiler only. */
  output?: O;
}
export const op =
  <O>() =>
  <I extends z.ZodType>(input: I): OpDef<I, O> => ({ input });

export const none = z.object({}).strict().default({});
export const id = z.object({ id: z.number().int().positive() }).strict();
/** A read of one event: the desk's when it names it, the kiosk's default otherwise. */
export const ofEvent = z.object(eventRef).strict().default({});
