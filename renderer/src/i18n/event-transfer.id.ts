// Event file import refusals (core/event/transfer*.ts), Bahasa Indonesia. The key names the
// refusal's parameter: i18n/index.tsx picks `error.<code>.<param>` for an operation error.
export const eventTransferId = {
  'error.event_file_invalid.certificateNumber':
    'Nomor sertifikat {certificateNumber} sudah diberikan kepada orang lain di kiosk ini: kedua salinan acara menerbitkan sertifikat sendiri-sendiri. Tidak ada yang disimpan.',
  'error.event_file_invalid.replacedCode':
    'Berkas acara ini akan menghidupkan lagi kartu {replacedCode} yang sudah diganti. Tidak ada yang disimpan.',
};
