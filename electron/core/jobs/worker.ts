// The entry of every job's worker thread (out/main/jobs-worker.js in the build). It reaches the
// pure job kinds only: never the database, never Electron.
import module from 'node:module';
import { KINDS } from './kinds';
import { serveKinds } from './serve-kinds';

// A thread starts for a job and compiles the modules its kind imports (pdf-lib, fontkit, the
// renderers): cached on disk, as the CLI does (cli/index.ts), they are compiled once.
module.enableCompileCache?.();

serveKinds(KINDS);
