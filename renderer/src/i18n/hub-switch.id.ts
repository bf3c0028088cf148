// The kiosk's "open to other desks" switch (issue 19, item 1), Indonesian. Spread into id.ts.
export const hubSwitchId = {
  'hubSwitch.title': 'Buka untuk meja lain',
  'hubSwitch.on': 'Terbuka',
  'hubSwitch.off': 'Tertutup',
  'hubSwitch.busy': 'Sebentar…',
  'hubSwitch.isOff':
    'Hanya laptop ini yang mencatat kehadiran. Nyalakan agar HP dan laptop lain di jaringan tempat acara menjadi meja check-in (HTTPS, dengan kunci akses).',
  'hubSwitch.isOn':
    'Meja lain bisa bergabung dengan memindai kode di bawah. Tetap terbuka setelah kiosk dimulai ulang, sampai dimatikan di sini.',
  'hubSwitch.close': 'Tutup untuk meja lain',
  'hubSwitch.close.confirm':
    'Semua meja lain terputus (tersambung sekarang: {n}) dan tidak bisa bergabung lagi sampai dibuka kembali dengan kunci baru. Lanjutkan?',
  'hubSwitch.close.yes': 'Ya, tutup',
  'hubSwitch.close.no': 'Batal',
  'hubSwitch.fixed':
    'Host ini dibuka untuk meja lain dari baris perintah (--host). Hentikan dengan Ctrl+C di jendela perintahnya.',
  'error.conflict.hubNoNetwork':
    'Laptop ini belum tersambung ke jaringan. Sambungkan ke Wi-Fi atau kabel tempat acara, lalu nyalakan lagi.',
  'error.conflict.hubPortInUse': 'Port {hubPortInUse} sudah dipakai program lain.',
  'error.conflict.hubPortDenied': 'Port {hubPortDenied} memerlukan hak administrator.',
  'error.conflict.hubListen': 'Tidak dapat membuka port {hubListen} untuk meja lain.',
  'error.conflict.hubUnavailable': 'Membuka untuk meja lain hanya bisa dari kiosk atau host web.',
  'error.conflict.hubClosed': 'Belum dibuka untuk meja lain.',
  'error.conflict.hubFixed': 'Host ini dibuka dari baris perintah (--host): hentikan dengan Ctrl+C.',
  'error.forbidden.hubLaptopOnly': 'Hanya di laptop hub itu sendiri.',
};
