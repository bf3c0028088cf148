// Event file import refusals (core/event/transfer*.ts), Bahasa Indonesia. The key names the
// refusal's parameter: i18n/index.tsx picks `error.<code>.<param>` for an operation error.
export const eventTransferId = {
  'error.event_file_invalid.certificateNumber':
    'Nomor sertifikat {certificateNumber} sudah diberikan kepada orang lain di kiosk ini: kedua salinan acara menerbitkan sertifikat sendiri-sendiri. Tidak ada yang disimpan.',
  'error.event_file_invalid.replacedCode':
    'Berkas acara ini akan menghidupkan lagi kartu {replacedCode} yang sudah diganti. Tidak ada yang disimpan.',
  'error.event_file_invalid.unpackedMax':
    'Berkas acara ditolak: isinya lebih dari {unpackedMax} MB setelah dibuka, bukan acara yang dibuat kiosk Hadir. Tidak ada yang disimpan.',
  'error.event_file_invalid.rowsMax':
    'Berkas acara ditolak: isinya lebih dari {rowsMax} baris, bukan acara yang dibuat kiosk Hadir. Tidak ada yang disimpan.',
  'error.event_file_invalid.tooManyRows':
    'Berkas acara ditolak: tabel {tooManyRows} berisi lebih dari {max} baris. Tidak ada yang disimpan.',
  'error.event_file_invalid.tooSlow': 'Berkas acara tidak dapat dibaca dalam {tooSlow} detik. Tidak ada yang disimpan.',
  'error.event_file_invalid.tooBig':
    'Berkas acara butuh lebih banyak memori daripada yang diizinkan kiosk. Tidak ada yang disimpan.',
  'error.event_file_invalid.invalidValue':
    'Berkas acara ditolak: nilai tidak sah di {invalidValue} ({rule}). Tidak ada yang disimpan.',
  'error.event_file_invalid.unknownColumn':
    'Berkas acara ditolak: kolom tak dikenal “{unknownColumn}” di tabel {table}. Tidak ada yang disimpan.',
  'error.event_file_invalid.unknownTable': 'Berkas acara ditolak: tabel tak dikenal “{unknownTable}”. Tidak ada yang disimpan.',
  'error.event_file_invalid.duplicate': 'Berkas acara ditolak: {duplicate} muncul dua kali. Tidak ada yang disimpan.',
  'error.event_file_invalid.keyPair':
    'Berkas acara ditolak: kunci tanda tangan sertifikatnya rusak (kunci publik tidak cocok dengan kunci privat). Tidak ada yang disimpan.',
};
