// The certificate number register as a PDF, on the Laporan screen (issue 16).
export const registerId = {
  'reports.recap.pdfRegister': 'Unduh PDF (register nomor sertifikat)',
};
