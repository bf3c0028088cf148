import type { restoreId } from './restore.id';

// Restoring a backup, English. Same keys as restore.id.ts.
export const restoreEn: Record<keyof typeof restoreId, string> = {
  'restore.dialog.title': 'Restore this backup?',
  'restore.dialog.body':
    'The current data is replaced with the backup from {when}. The current data is first kept as a backup, and check-ins made after this backup are carried into the restored data.',
  'restore.dialog.holds': 'This backup holds: {p} participants, {c} check-ins.',
  'restore.dialog.confirm': 'Yes, restore',
  'restore.done.title': 'Backup restored',
  'restore.done.body': 'Every desk now uses the restored data; no restart needed.',
  'restore.done.kept': 'The previous data is kept as {file}.',
  'restore.done.carriedNone': 'No scans made after this backup needed carrying over.',
  'restore.done.carried': '{n} scans made after this backup were carried into the restored data:',
  'restore.done.unknown': '(unknown code)',
  'restore.done.close': 'Close',
  'backup.clockBehind':
    "The laptop's clock ({now}) is behind the newest backup ({newest}). Check the laptop's date and time; backups are still kept in the order they were made.",
};
