import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The unit-test config with only one group's tests (stryker.config.mjs sets MUTATE_TESTS).
// Not mergeConfig: it would append these to the base include instead of replacing it.
export default defineConfig({
  ...base,
  test: { ...base.test, include: (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean) },
});
