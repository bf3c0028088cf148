import type { HandlerMap } from '../handler';
import { activeEventId, getEvent } from '../../db/repositories/events';
import { currentWorkerEntry } from '../jobs/worker-entry';
import { readBackupConfig } from './backup';
import { runDoctor } from './doctor-run';

/**
 * system.doctor: `hadir doctor` for the "Cek perangkat" screen. The worker check starts a fresh
 * worker from the entry this process's jobs use (the CLI's jobs run inline: then the one
 * `hadir doctor` would start), and reports when this process already fell back to the main thread.
 */
export const doctorHandlers: HandlerMap<'system.doctor'> = {
  'system.doctor': (ctx, { eventId }) => {
    const worker = ctx.jobs.worker === 'inline' ? currentWorkerEntry() : ctx.jobs.worker;
    return runDoctor({
      dataDir: ctx.dataDir,
      dbPath: ctx.dbPath,
      resourcesDir: ctx.resourcesDir,
      backupDir: readBackupConfig(ctx.dataDir).dir,
      worker,
      // The screen is a button an organiser presses before the event: it renders the page.
      full: true,
      fellBack: ctx.jobs.workerFellBack,
      now: ctx.now(),
      event: () => {
        // The desk's event when it names one (and it still exists), else the kiosk's default.
        const id = eventId ?? activeEventId(ctx.db);
        const e = id === null ? null : getEvent(ctx.db, id);
        return e && e.days.length ? { timeZone: e.timeZone, days: e.days.map((d) => d.date) } : null;
      },
    });
  },
};
