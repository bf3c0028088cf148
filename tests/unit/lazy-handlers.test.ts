// The dispatch loads only the domain that holds an operation (core/lazy-handlers.ts): every
// operation must still reach the very handler the merged map (core/handlers.ts) gives it.
import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/handlers';
import { lookUpHandler } from '../../electron/core/lazy-handlers';
import { OP_NAMES } from '../../electron/shared/op-names';

describe('handlers loaded per domain', () => {
  it('every operation is found in its own domain module, and it is the merged map’s handler', async () => {
    const notInDomain: string[] = [];
    for (const name of OP_NAMES) {
      const { handler, from } = await lookUpHandler(name);
      expect(handler, name).toBe(handlers[name]);
      if (from !== 'domain') notInDomain.push(name);
    }
    // An operation outside the modules its prefix names still works (the merged map is the
    // fallback) but loads every domain: add its module to lazy-handlers.ts.
    expect(notInDomain).toEqual([]);
  });
});

describe('schemas loaded per part of the contract', () => {
  it("every operation's schema is the contract's own; the check-in's and the event's come from their parts", async () => {
    const { contract } = await import('../../electron/shared/contract');
    const { lookUpSchema } = await import('../../electron/core/lazy-schemas');
    const fromPart: string[] = [];
    for (const name of OP_NAMES) {
      const { input, from } = await lookUpSchema(name);
      expect(input, name).toBe(contract[name].input);
      if (from === 'part') fromPart.push(name);
    }
    expect(fromPart.filter((n) => n.startsWith('checkin.')).length).toBe(OP_NAMES.filter((n) => n.startsWith('checkin.')).length);
    expect(fromPart).toContain('event.get');
  });
});
