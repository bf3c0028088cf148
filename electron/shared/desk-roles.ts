import type { JobName } from './jobs';
import type { OpName } from './op-names';

/**
 * What a desk on the venue network may do (issue 19, item 7). A desk joins the hub as
 * "check-in only"; the organiser's PIN makes it an organiser desk. The hub laptop itself
 * (loopback, with the key) is always the organiser. Electron and the CLI have no roles.
 */
export const DESK_ROLES = ['checkin', 'organiser'] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

/**
 * Every operation, once: 'checkin' = a check-in-only desk may call it; 'organiser' = only an
 * organiser desk. A check-in desk checks in, undoes its own scans (checked by the host against
 * the standing scan's desk), registers walk-ins, searches and prints a tag; it never sees
 * personal data in full (participants.get, exports), deletes or restores people, imports,
 * restores a backup or changes the event or the kiosk's settings. Least privilege: an operation
 * a desk does not need is 'organiser'. A new operation does not compile until it is listed here.
 */
export const OP_ROLE: Record<OpName, DeskRole> = {
  'app.info': 'checkin',
  'settings.get': 'checkin',
  'settings.set': 'organiser', // the kiosk's language and desk: kiosk-wide
  'print.testPage': 'checkin',
  'system.doctor': 'checkin',
  'event.get': 'checkin',
  'event.create': 'organiser',
  'event.update': 'organiser',
  'event.createDemo': 'organiser',
  'event.list': 'checkin',
  'event.activate': 'organiser',
  'event.archive': 'organiser',
  'event.setLogo': 'organiser',
  'event.logo': 'checkin',
  'participants.list': 'checkin', // masked (UU PDP): the desk's snapshot and search
  'participants.facets': 'checkin',
  'participants.undrawable': 'checkin',
  'participants.get': 'organiser', // one record in full: NIK, phone, e-mail
  'participants.create': 'organiser',
  'participants.update': 'organiser',
  'participants.delete': 'organiser',
  'participants.restore': 'organiser',
  'participants.importPreview': 'organiser',
  'participants.importCommit': 'organiser',
  'participants.export': 'organiser',
  'backup.status': 'organiser',
  'backup.run': 'organiser',
  'backup.setDir': 'organiser',
  'backup.inspect': 'organiser',
  'backup.restore': 'organiser',
  'event.exportFile': 'organiser',
  'event.importFile': 'organiser',
  'reports.recap': 'organiser',
  'reports.recapExport': 'organiser',
  'reports.timeline': 'organiser',
  'reports.daftarHadir': 'organiser',
  'roles.add': 'organiser',
  'badges.reissue': 'organiser', // retires a code: changes a person
  'badges.render': 'checkin', // a walk-in's name tag
  'badges.testSheet': 'checkin',
  'badges.offsets': 'checkin',
  'badges.setOffset': 'organiser',
  'jobs.start': 'checkin', // and then by the job: JOB_ROLE
  'jobs.status': 'checkin',
  'jobs.cancel': 'checkin',
  'jobs.result': 'checkin',
  'checkin.scan': 'checkin',
  'checkin.undo': 'checkin', // its own scans only (the host checks the standing scan's desk)
  'checkin.walkIn': 'checkin',
  'checkin.stats': 'checkin',
  'checkin.attendance': 'organiser',
  'certificates.settings': 'organiser',
  'certificates.saveSettings': 'organiser',
  'certificates.setAsset': 'organiser',
  'certificates.list': 'organiser',
  'certificates.override': 'organiser',
  'certificates.issue': 'organiser',
  'certificates.printed': 'organiser',
  'certificates.batch': 'organiser',
  'certificates.preview': 'organiser',
  'certificates.revoke': 'organiser',
  'certificates.verify': 'checkin',
  'certificates.publicKey': 'checkin',
  'checkin.search': 'checkin',
  'checkin.replacedCodes': 'checkin', // code, name and date only: the desk's snapshot
  'payments.settings': 'organiser',
  'payments.setRates': 'organiser',
  'payments.ratesFile': 'organiser',
  'payments.saveConfig': 'organiser',
  'payments.setTaxRate': 'organiser',
  'reports.receipts': 'organiser',
  'reports.jp': 'organiser',
  'reports.speakers': 'organiser', // NIP and office of every speaker
  'reports.reconciliation': 'organiser', // names, desks and times: for the committee
  'reports.reconciliationPdf': 'organiser',
  'payments.programmeFile': 'organiser', // fills the event's programme form
  'certificates.statement': 'organiser', // a document in a person's name, like certificates
  // The hub itself: the organiser, and on the hub laptop only (the web host refuses them from the LAN).
  'hub.status': 'organiser', // the key and the desk list
  'hub.open': 'organiser',
  'hub.close': 'organiser',
  'hub.newKey': 'organiser',
  'hub.revoke': 'organiser',
};

/** jobs.start is as allowed as the job it starts. */
export const JOB_ROLE: Record<JobName, DeskRole> = {
  'participants.import': 'organiser',
  'badges.render': 'checkin',
  'certificates.batch': 'organiser',
};

/** Whether a desk of `role` may call `op` with `input` (an unknown job or op: organiser only). */
export function roleAllows(role: DeskRole, op: OpName, input: unknown): boolean {
  if (role === 'organiser') return true;
  if (OP_ROLE[op] !== 'checkin') return false;
  if (op === 'jobs.start') {
    const job = (input as { job?: unknown } | null)?.job;
    return typeof job === 'string' && (JOB_ROLE as Record<string, DeskRole | undefined>)[job] === 'checkin';
  }
  return true;
}

/** The screens a check-in-only desk shows (the rest are hidden; the host refuses their operations anyway). */
export const CHECKIN_SCREENS = ['checkin', 'badges', 'device'] as const;

/** Request header carrying a desk's token (the live stream, which cannot send headers, has `desk=` in its query). */
export const DESK_TOKEN_HEADER = 'x-hadir-desk';
/** Request header: how many scans wait in the desk's outbox (the hub lists it). */
export const DESK_OUTBOX_HEADER = 'x-hadir-outbox';
