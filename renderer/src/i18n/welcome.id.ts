// The welcome screen's "import an event file" and the demo event's marks, Bahasa Indonesia.
// Spread into id.ts; welcome.en.ts has the same keys.
export const welcomeId = {
  'welcome.import.title': 'Sudah punya berkas acara?',
  'welcome.import.body':
    'Acara yang disiapkan di laptop lain (berkas .hadir dari Acara → Pindahkan acara ke laptop lain): peserta, kehadiran, sertifikat, logo dan kunci tanda tangan ikut serta.',
  'welcome.import.button': 'Impor berkas acara (.hadir)…',
  'welcome.import.busy': 'Mengimpor…',
  'demo.tag': 'DEMO',
  'demo.tag.title': 'Acara demo: data contoh, bukan acara sungguhan',
  'demo.banner':
    'Ini acara DEMO dengan 66 peserta contoh. Jangan cetak tanda peserta atau sertifikat dari sini untuk acara sungguhan: buat atau impor acara Anda sendiri di layar Acara.',
};
