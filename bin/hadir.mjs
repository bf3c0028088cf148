#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so `npx hadir` needs no build step.
// tsx is a devDependency: the CLI is run from a checkout after `npm install`, and the packaged
// kiosk (which includes production dependencies only) does not carry esbuild.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
