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
