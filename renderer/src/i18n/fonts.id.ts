// Names the fonts cannot draw, Bahasa Indonesia. Spread into id.ts; fonts.en.ts has the same keys.
export const fontsId = {
  'import.warn.undrawable_names':
    '{count} nama berisi huruf yang tidak ada di huruf cetak (font) Hadir dan akan tercetak sebagai kotak kosong di kartu dan sertifikat. Periksa ejaan Latinnya bila ada: {examples}.',
  'problem.invisible_name': 'Nama hanya berisi karakter tak terlihat (mis. spasi lebar nol): tidak ada yang tercetak',
  'zod.no visible character': 'Nama hanya berisi karakter tak terlihat; ketik nama yang dapat dicetak',
  'fonts.undrawable.title': 'Huruf yang tidak dapat dicetak',
  'fonts.undrawable.lead':
    '{count} peserta memiliki huruf di namanya yang tidak ada di huruf cetak (font) Hadir; huruf itu akan tercetak sebagai kotak kosong:',
  'fonts.undrawable.more': '… dan {count} lainnya',
  'fonts.undrawable.advice': 'Bila mungkin, ubah namanya ke ejaan Latin di menu Peserta sebelum mencetak.',
};
