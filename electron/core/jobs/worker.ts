// The entry of every job's worker thread (out/main/jobs-worker.js in the build). It reaches the
// pure job kinds only: never the database, never Electron.
import { KINDS } from './kinds';
import { serveKinds } from './serve-kinds';

serveKinds(KINDS);
