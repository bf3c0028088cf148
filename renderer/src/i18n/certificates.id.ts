// Certificates screen and its errors, Bahasa Indonesia. Spread into id.ts; en has the same keys.
export const certificatesId = {
  'nav.certificates': 'Sertifikat',

  'error.asset_invalid': 'Berkas tidak dapat dipakai.',
  'error.asset_invalid.maxMb': 'Berkas lebih besar dari {maxMb} MB. Perkecil dulu, lalu pilih lagi.',
  'error.asset_invalid.damaged': 'Gambar rusak atau terpotong. Pilih berkas lain.',
  'error.asset_invalid.pdf': 'PDF tidak dapat dibaca atau dilindungi kata sandi. Ekspor ulang tanpa kata sandi.',
  'error.asset_invalid.pages': 'PDF berisi {pages} halaman; latar belakang harus PDF satu halaman.',
  'error.asset_invalid.format':
    'Format {format} tidak didukung. Pakai gambar PNG atau JPEG (latar belakang juga boleh PDF satu halaman).',
  'error.not_eligible': 'Tidak memenuhi syarat sertifikat.',
  'error.not_eligible.present': '{name} belum memenuhi syarat: hadir {present} dari {total} hari, wajib {required}.',
  'error.not_eligible.deleted': '{name} sudah dihapus dari daftar peserta.',
  'error.not_eligible.none': 'Belum ada peserta yang memenuhi syarat sertifikat.',
  'error.revoked': 'Sertifikat ini sudah dicabut.',
  'error.revoked.number': 'Sertifikat {number} atas nama {name} sudah dicabut ({reason}); tidak dapat dicetak lagi.',
  'error.not_found.notBadge': 'Kode yang dipindai bukan tanda pengenal peserta.',
  'error.not_found.otherEvent': 'Tanda pengenal ini milik acara lain.',
  'error.not_found.code': 'Tidak ada peserta dengan kode {code}.',
  'zod.pattern: no | or control characters': 'Pola nomor tidak boleh memuat tanda |',
  'zod.pattern: exactly one {seq}': 'Pola nomor harus memuat tepat satu {seq}',
  'zod.pattern: unknown {…}': 'Pola nomor memuat kode {…} yang tidak dikenal',
};
