// A print batch's result naming who has characters the fonts cannot draw (issue 18). Spread into id.ts.
export const batchUndrawnId = {
  'batch.undrawn.title': 'Periksa hasil cetak orang berikut',
  'batch.undrawn.lead':
    'Berkas sudah dibuat untuk semua, tetapi {count} nama berisi huruf yang tidak ada di huruf cetak (font) Hadir; huruf itu tercetak sebagai kotak kosong:',
};
