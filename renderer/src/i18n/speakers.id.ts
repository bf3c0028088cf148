// The speakers' file and the paperwork's small parts (issue 20, items 4 and the rest), Bahasa
// Indonesia. Spread into id.ts; speakers.en.ts has the same keys.
export const speakersId = {
  'event.programme.moderator': 'Moderator',
  'event.programme.peopleHint':
    'Narasumber dan moderator: pilih dari peserta dengan peran itu atau ketik namanya; beberapa nama dipisah titik koma (;). Honorarium dihitung dari JP sesinya.',
  'event.programme.file': 'Ambil susunan acara dari berkas CSV (materi;jp;narasumber;moderator)',
  'event.programme.fileDone': 'Susunan acara diambil dari berkas: {n} sesi. Periksa, lalu Simpan.',
  'reports.speakers.title': 'Daftar hadir narasumber dan moderator',
  'reports.speakers.hint': 'Satu halaman per sesi susunan acara, dengan kolom tanda tangan; honorariumnya lewat daftar penerimaan jenis Honorarium.',
  'reports.speakers.pdf': 'Unduh PDF per sesi',
  'reports.receipts.pdf': 'Unduh PDF',
  'reports.receipts.xlsx': 'Unduh Excel (.xlsx)',
  'pay.personalRate': 'PPh pribadi non-PNS (%)',
  'pay.personalRate.hint': 'Untuk yang tanpa golongan; kosong = tarif acara untuk non-PNS. PNS dipotong menurut golongannya.',
  'pay.personalRate.invalid': 'Tarif PPh 0–100 %, paling banyak dua angka di belakang koma (mis. 2,5)',
  'pay.personalRate.saved': 'Tarif PPh pribadi tersimpan.',
  'pay.personalRate.save': 'Simpan tarif PPh',
};
