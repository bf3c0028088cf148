import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type pino from 'pino';
import { APP_VERSION } from '../system/version';
import { RotatingFile } from './rotating-file';

/** Where the IT person finds the log: <data folder>/logs/hadir.log, and .1 … .4 before it. */
export const LOG_DIR = 'logs';
export const LOG_NAME = 'hadir.log';
/** 5 files of 5 MB: weeks of a kiosk's start-ups, jobs and failures, in 25 MB at most. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILES = 5;

export type Logger = pino.Logger;

const open = new Map<string, Logger>();

/**
 * The log of a data folder, one per folder in this process (the web host and the CLI in two
 * processes append to the same file; each line is one write, so lines do not mix). JSON lines
 * (pino): time, level, msg, and the fields of the entry; `grep REF hadir.log` finds an error a
 * desk reported.
 */
export function openLog(dataDir: string): Logger {
  const file = logFile(dataDir);
  let log = open.get(file);
  if (!log) {
    log = lazy(() => createLogger(file));
    open.set(file, log);
  }
  return log;
}

function createLogger(file: string): Logger {
  // Loaded on the first entry, not at start: a CLI command that logs nothing (most) does not pay
  // for loading pino (~60 ms here), and the command line's tests run dozens of them.
  const pino = createRequire(import.meta.url)('pino') as typeof import('pino');
  return pino(
    {
      base: { pid: process.pid, v: APP_VERSION },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never a participant's data in the log: entries carry operation names, codes and ids.
      redact: { paths: ['input', 'params', '*.input', '*.params'], remove: true },
    },
    new RotatingFile(file, LOG_MAX_BYTES, LOG_FILES),
  );
}

/** A Logger that builds the real one when it is first used. */
function lazy(make: () => Logger): Logger {
  let real: Logger | undefined;
  return new Proxy({} as Logger, {
    get(_, key) {
      real ??= make();
      const v = Reflect.get(real, key, real) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real) : v;
    },
  });
}

export const logFile = (dataDir: string) => path.join(dataDir, LOG_DIR, LOG_NAME);

/** Crockford base 32 without look-alikes: a reference read out over the phone survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An 8-character reference tying what a desk shows to one entry of the log. */
export function errorRef(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}
