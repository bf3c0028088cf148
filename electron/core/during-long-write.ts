/**
 * Operations that run while a long write (db/long-write.ts: a large import) holds the
 * transaction open, instead of waiting for it to end: a check-in must never wait seconds
 * because another desk imports a list. They only add rows to the append-only logs (carried
 * over if the long write fails) or read. Everything else waits, so nothing can change the
 * participants under an import that is matching against them.
 */
export const DURING_LONG_WRITE: ReadonlySet<string> = new Set([
  'app.info',
  'settings.get',
  'jobs.start',
  'jobs.status',
  'jobs.cancel',
  'jobs.result',
  'checkin.scan',
  'checkin.undo',
  'checkin.stats',
  'checkin.attendance',
]);
