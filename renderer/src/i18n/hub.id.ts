// The hub screen and live desks (issue 19), Bahasa Indonesia. Spread into id.ts; en has the same keys.
export const hubId = {
  'nav.hub': 'Meja lain',
  'hub.title': 'Meja lain di jaringan tempat acara',
  'hub.scan':
    'Pindai kode ini dengan kamera HP (atau buka alamatnya di laptop lain) untuk membuka meja kehadiran. Alamat ini memuat kunci akses: tunjukkan hanya kepada petugas meja.',
  'hub.address': 'Alamat meja',
  'hub.key': 'Kunci akses',
  'hub.liveDesks': 'Meja terhubung sekarang: {n}',
  'hub.newKey': 'Kunci baru',
  'hub.newKey.confirm': 'Semua meja lain terputus dan harus memindai kode baru. Lanjutkan?',
  'hub.newKey.yes': 'Ya, buat kunci baru',
  'hub.newKey.no': 'Batal',
  'hub.newKey.done': 'Kunci baru dibuat. Semua meja lain terputus; pindai kode di atas untuk bergabung lagi.',
  'hub.cert.title': 'Sertifikat hub (HTTPS)',
  'hub.cert.intro':
    'Meja memakai HTTPS, karena browser hanya mengizinkan kamera di alamat aman. Browser memperingatkan sekali (“Koneksi Anda tidak pribadi”): pilih Lanjutan → Lanjutkan. Agar peringatan tidak muncul lagi, pasang sertifikat hub di perangkat meja.',
  'hub.cert.download': 'Unduh sertifikat (hadir-hub.crt)',
  'hub.cert.at': 'Di perangkat meja, alamat unduhnya: {url}',
  'hub.cert.fingerprint': 'Sidik jari SHA-256 (cocokkan di perangkat sebelum memasang):',
  'hub.cert.android':
    'Android: unduh berkas, lalu Setelan → Keamanan → Enkripsi & kredensial → Instal sertifikat → Sertifikat CA → pilih hadir-hub.crt.',
  'hub.cert.ios':
    'iPhone/iPad: buka alamat unduh di Safari → Izinkan; Setelan → Profil Diunduh → Instal; lalu Setelan → Umum → Info → Setelan Kepercayaan Sertifikat → aktifkan “Hadir hub”.',
  'hub.cert.windows':
    'Windows: buka berkas → Instal Sertifikat → Pengguna Saat Ini → Tempatkan semua sertifikat di: Otoritas Sertifikasi Akar Tepercaya → Selesai; tutup dan buka lagi browser.',
  'hub.notHere': 'Layar ini hanya ada di laptop hub sendiri (http://127.0.0.1:…).',
  'hub.qrAlt': 'Kode QR alamat meja {url}',
  'outbox.title': 'Hadir — belum terkirim',
  'outbox.line': 'Disimpan di meja ini dan dikirim begitu hub terjangkau; belum tercatat. Kode {code}.',
  'outbox.offline': 'Hub tidak terjangkau. Scan menunggu dikirim: {n}. Meja tetap bekerja; jangan tutup halaman ini.',
  'outbox.back': 'Hub terjangkau lagi: semua scan sudah terkirim.',
  'outbox.unknown': 'Tidak ada di daftar yang disimpan meja ini: hub memeriksanya saat terkirim.',
  'hub.desks.title': 'Meja yang terhubung sejak hub dinyalakan',
  'hub.desks.none': 'Belum ada meja lain yang mencatat.',
  'hub.desks.name': 'Meja',
  'hub.desks.address': 'Alamat',
  'hub.desks.last': 'Kontak terakhir',
};
