#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so `npx hadir` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
