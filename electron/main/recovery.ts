// What the kiosk says when its database fails the start-up check (core/system/startup-check.ts):
// one sentence, and the one way forward. Pure, so a unit test holds the wording and the buttons.
import type { MessageBoxSyncOptions } from 'electron';

export const RESTORE_BUTTON = 0;

export function damagedDbDialog(params: Record<string, string | number> | undefined): MessageBoxSyncOptions {
  const file = String(params?.file ?? 'hadir.db');
  const backup = String(params?.backup ?? '');
  const at = String(params?.backupAt ?? '');
  if (!backup) {
    return {
      type: 'error',
      title: 'Hadir',
      message: `Basis data ${file} rusak dan tidak ada cadangan yang baik. / The database is damaged and there is no good backup.`,
      detail: 'Berkas itu tidak diubah. Hubungi petugas TI dengan berkas tersebut. / The file was not changed. Give it to your IT person.',
      buttons: ['Keluar / Quit'],
      defaultId: 0,
      noLink: true,
    };
  }
  return {
    type: 'error',
    title: 'Hadir',
    message: `Basis data ${file} rusak. Pulihkan cadangan terbaru yang baik (${at})? / The database is damaged. Restore the newest good backup (${at})?`,
    detail: `${backup}\n\nBerkas yang rusak disimpan di sampingnya, tidak ditimpa. / The damaged file is kept beside it, never overwritten.`,
    buttons: ['Pulihkan / Restore', 'Keluar / Quit'],
    defaultId: RESTORE_BUTTON,
    cancelId: 1,
    noLink: true,
  };
}
