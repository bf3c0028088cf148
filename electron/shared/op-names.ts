// The names of every operation, and nothing else. The sandboxed preload imports this
// file alone, so it must stay free of zod and of any runtime dependency.
// contract.ts is checked against this list by the compiler, in both directions.
export const OP_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'event.get',
  'event.create',
  'event.update',
  'event.createDemo',
  'event.list',
  'event.activate',
  'event.setLogo',
  'event.logo',
  'participants.list',
  'participants.facets',
  'participants.get',
  'participants.create',
  'participants.update',
  'participants.delete',
  'participants.restore',
  'participants.importPreview',
  'participants.importCommit',
  'participants.export',
  'backup.status',
  'backup.run',
  'backup.setDir',
  'backup.inspect',
  'backup.restore',
  'event.exportFile',
  'event.importFile',
  'reports.recap',
  'reports.recapExport',
  'reports.timeline',
  'reports.daftarHadir',
  'roles.add',
  'badges.reissue',
  'jobs.start',
  'jobs.status',
  'jobs.cancel',
  'jobs.result',
  'checkin.scan',
  'checkin.undo',
  'checkin.walkIn',
  'checkin.stats',
  'checkin.attendance',
] as const;

export type OpName = (typeof OP_NAMES)[number];

/** IPC channel for an operation: one channel each, so the main process can register them one by one. */
export const channelOf = (name: OpName) => `hadir:${name}`;
