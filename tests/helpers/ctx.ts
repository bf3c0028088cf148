import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../../electron/core/context';
import { bundleChild } from './bundle-child';
import type { WorkerEntry } from '../../electron/core/jobs/worker-entry';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { activeEventId } from '../../electron/db/repositories/events';
import type { DeskScope } from '../../electron/shared/desk';
import type { OpInput, OpOutput } from '../../electron/shared/contract';
import type { OpName } from '../../electron/shared/op-names';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared fixtures beside the checkout (HADIR_SHARED: a copy elsewhere, e.g. Stryker's sandbox). */
export const SHARED = process.env.HADIR_SHARED ?? path.resolve(ROOT, '../shared');
export const RESOURCES = path.join(ROOT, 'resources');

export function tempDir(prefix = 'hadir-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The real job worker thread, from worker.ts bundled once per test process: each job still starts
 * its own thread and hands its input and result across, but the thread loads plain JavaScript
 * instead of tsx compiling the sources again. The web host in the e2e tests and jobs.test still
 * load worker.ts via tsx.
 */
export const testWorkerEntry = (): WorkerEntry => ({
  file: bundleChild(path.join(ROOT, 'electron/core/jobs/worker.ts')),
  execArgv: [],
});

/** A real database file in a fresh temporary folder. */
export function tempCtx(): Ctx {
  return openContext(tempDir(), 'cli', RESOURCES, { actor: 'test', jobsWorker: testWorkerEntry() });
}

/** Calls an operation the way every transport does, and fails the test on an error result. */
export async function ok<K extends OpName>(ctx: Ctx, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const res = await dispatch(ctx, name, input);
  if (!res.ok) throw new Error(`${name} failed: ${res.error.code} ${res.error.message}`);
  return res.value;
}

export const DESK = 'Meja Uji';

/**
 * The desk scope a test records with: the kiosk's default event (the last one created) and a
 * test desk. Tests about desks name their events explicitly instead.
 */
export function scope(ctx: Ctx, desk = DESK): DeskScope {
  const eventId = activeEventId(ctx.db);
  if (eventId === null) throw new Error('scope(ctx): create an event first');
  return { eventId, desk };
}

export const PSM_EVENT = {
  name: 'Peningkatan Kemampuan Potensi PSM',
  organiser: 'Dinas Sosial Provinsi Lampung',
  venue: 'Hotel Horison',
  city: 'Bandar Lampung',
  days: ['2022-09-08', '2022-09-07'],
  signatoryName: 'Drs. Aswarodi, M.Si.',
  signatoryTitle: 'Kepala Dinas Sosial Provinsi Lampung',
  signatoryNip: '',
};

/** Imports `count` generated people ("<prefix> <i>", Kota Metro) through the real operation. */
export async function importGenerated(ctx: Ctx, at: DeskScope, count: number, prefix: string): Promise<void> {
  const lines = ['Nama,Kabupaten/Kota'];
  for (let i = 0; i < count; i++) lines.push(`${prefix} ${i},Kota Metro`);
  await ok(ctx, 'participants.importCommit', {
    ...at,
    fileName: 'generated.csv',
    bytes: Buffer.from(lines.join('\n')),
    mapping: ['name', 'regency'],
    skipInvalid: false,
  });
}

/** A file's bytes as the operations take them (text is written as UTF-8). */
export const bin = (s: string | Uint8Array) => new Uint8Array(Buffer.from(s));
