import type { Field } from '../../../shared/participant';
import { normaliseKey } from './normalise-key';

/**
 * Header spellings seen in real participant lists, Indonesian and English, written compacted:
 * lowercase, no accents, no spaces or punctuation ("No. HP" -> "nohp", "NIK/NIP" -> "niknip").
 */
const SYNONYMS: Record<Field, string[]> = {
  name: ['nama', 'namalengkap', 'namapeserta', 'name', 'fullname'],
  gender: ['jeniskelamin', 'lp', 'jk', 'gender', 'sex'],
  regency: ['kabupatenkota', 'kabkota', 'kabupaten', 'kota', 'asal', 'asaldaerah', 'regency', 'city'],
  district: ['kecamatan', 'district'],
  institution: ['instansi', 'asalinstansi', 'lembaga', 'institution', 'organisation', 'organization', 'unitkerja'],
  nik: ['nik', 'niknip', 'nipnik', 'idnumber', 'noktp', 'nomorktp'],
  phone: ['nohp', 'nomorhp', 'hp', 'telepon', 'notelepon', 'telp', 'notelp', 'wa', 'nowa', 'nohpwa', 'phone', 'whatsapp'],
  email: ['email', 'surel', 'alamatemail'],
  role: ['peran', 'role', 'jabatandalamkegiatan', 'kategori'],
  externalId: ['id', 'idpeserta', 'kode', 'kodepeserta', 'externalid'],
  // The paperwork's fields (issue 20). A column titled "NIP" alone is the NIP now; "NIK/NIP"
  // stays NIK (one number of either kind, as older lists had it).
  nip: ['nip', 'nomorindukpegawai', 'nipbaru'],
  birthPlace: ['tempatlahir', 'tmptlahir', 'tmplahir', 'placeofbirth', 'birthplace'],
  birthDate: ['tanggallahir', 'tgllahir', 'tgllhr', 'dateofbirth', 'birthdate', 'dob'],
  rank: ['pangkatgolongan', 'pangkatgol', 'pangkat', 'golongan', 'gol', 'pangkatgolruang', 'golonganruang', 'rank', 'grade'],
  position: ['jabatan', 'position', 'jobtitle'],
  npwp: ['npwp', 'nonpwp', 'nomornpwp', 'taxid'],
  bank: ['bank', 'namabank', 'bankname'],
  accountNo: ['norekening', 'nomorrekening', 'rekening', 'norek', 'rek', 'accountnumber', 'accountno', 'bankaccount'],
};

const BY_HEADER = new Map<string, Field>(
  (Object.entries(SYNONYMS) as [Field, string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

const compact = (header: string) => normaliseKey(header).replace(/ /g, '');

/**
 * Proposes a field for each column, for the organiser to confirm. Unknown headers and the
 * row counter "No" / "No." map to null. Matching is exact on the compacted header (a fuzzy match
 * would map "No" to "No HP"); a parenthesised remark is also tried without, as in Google Forms
 * exports: "No. HP (WhatsApp)". Two columns never get the same field: the first one wins.
 */
export function guessMapping(headers: string[]): (Field | null)[] {
  const taken = new Set<Field>();
  return headers.map((header) => {
    const field = BY_HEADER.get(compact(header)) ?? BY_HEADER.get(compact(header.replace(/\([^)]*\)/g, ' '))) ?? null;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
