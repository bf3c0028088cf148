// Restoring a backup: the app's own confirmation dialog and what the restore carried over.
export const restoreId = {
  'restore.dialog.title': 'Pulihkan cadangan ini?',
  'restore.dialog.body':
    'Data sekarang diganti dengan cadangan dari {when}. Data sekarang disimpan dulu sebagai cadangan, dan check-in yang dibuat setelah cadangan ini dibawa ke data yang dipulihkan.',
  'restore.dialog.holds': 'Cadangan ini berisi: {p} peserta, {c} kehadiran.',
  'restore.dialog.confirm': 'Ya, pulihkan',
  'restore.done.title': 'Cadangan dipulihkan',
  'restore.done.body': 'Semua meja kini memakai data yang dipulihkan; tidak perlu memulai ulang.',
  'restore.done.kept': 'Data sebelumnya disimpan sebagai {file}.',
  'restore.done.carriedNone': 'Tidak ada pindaian setelah cadangan ini yang perlu dibawa.',
  'restore.done.carried': '{n} pindaian yang dibuat setelah cadangan ini dibawa ke data yang dipulihkan:',
  'restore.done.unknown': '(kode tidak dikenal)',
  'restore.done.close': 'Tutup',
  'backup.clockBehind':
    'Jam laptop ({now}) lebih awal dari cadangan terbaru ({newest}). Periksa tanggal dan jam laptop; cadangan tetap disimpan menurut urutan pembuatannya.',
};
