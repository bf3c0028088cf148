import type { Database } from 'better-sqlite3';
import * as m0010 from './0010-initial';
import * as m0020 from './0020-desks';
import * as m0030 from './0030-badge-reissue';
import * as m0040 from './0040-checkin';
import * as m0050 from './0050-certificates';
import * as m0060 from './0060-screens';
import * as m0070 from './0070-paperwork';
import * as m0080 from './0080-session-speakers';
import * as m0090 from './0090-scan-arrival';

/**
 * Ordered migrations, numbered in steps of ten (room for a fix-up between two).
 * PRAGMA user_version holds the number of the last one applied.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: { version: number; name: string; up: (db: Database) => void }[] = [
  { version: 10, name: 'initial', up: m0010.up },
  { version: 20, name: 'desks', up: m0020.up },
  { version: 30, name: 'badge-reissue', up: m0030.up },
  { version: 40, name: 'checkin', up: m0040.up },
  { version: 50, name: 'certificates', up: m0050.up },
  { version: 60, name: 'screens', up: m0060.up },
  { version: 70, name: 'paperwork', up: m0070.up },
  { version: 80, name: 'session-speakers', up: m0080.up },
  { version: 90, name: 'scan-arrival', up: m0090.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
