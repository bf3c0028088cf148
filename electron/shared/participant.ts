import { plainText } from './text';
import { hasVisibleChar, INVISIBLE_MESSAGE } from './visible-text';
import { z } from 'zod';
import { isEmail, isNik, isPhone, normaliseNik, normalisePhone } from './normalise';
import { isAccountNo, isBirthDate, isNip, isNpwp, normaliseAccountNo, normaliseBirthDate, normaliseDigits } from './paperwork-fields';

/** The participant fields an import can map a column to, in display order. */
export const FIELDS = [
  'externalId',
  'name',
  'gender',
  'regency',
  'district',
  'institution',
  'nik',
  'phone',
  'email',
  'role',
  // The paperwork's fields (issue 20): the civil servant's identity on a daftar penerimaan, a
  // 20-JP record and a certificate, and the account a transfer is paid into.
  'nip',
  'birthPlace',
  'birthDate',
  'rank',
  'position',
  'npwp',
  'bank',
  'accountNo',
] as const;
export type Field = (typeof FIELDS)[number];

/** Every field empty: the starting point of an import row, a form or a test record. */
export const blankFields = (): { [K in Field]: null } =>
  Object.fromEntries(FIELDS.map((f) => [f, null])) as { [K in Field]: null };

/** Fields that are personal data under UU PDP 27/2022: masked on screen, exported only on request. */
export const PERSONAL_FIELDS = ['nik', 'phone', 'email', 'nip', 'birthPlace', 'birthDate', 'npwp', 'accountNo'] as const satisfies readonly Field[];

/**
 * The paperwork's fields: exported only with the personal-data switch, like NIK (the rank,
 * position and bank name are shown unmasked: they identify no one alone, and the desk needs them).
 */
export const PAPERWORK_FIELDS = ['nip', 'birthPlace', 'birthDate', 'rank', 'position', 'npwp', 'bank', 'accountNo'] as const satisfies readonly Field[];

export const DEFAULT_ROLES = ['Peserta', 'Narasumber', 'Panitia'] as const;

/** Longest text each field may hold: used by the form schema below and by the import report. */
export const MAX_LENGTH: Record<Field, number> = {
  externalId: 64,
  name: 200,
  gender: 1,
  regency: 120,
  district: 120,
  institution: 200,
  nik: 32,
  phone: 32,
  email: 200,
  role: 60,
  nip: 32,
  birthPlace: 100,
  birthDate: 10,
  rank: 100,
  position: 200,
  npwp: 32,
  bank: 100,
  accountNo: 32,
};

const text = (max: number) => plainText(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** What a person typing in the form (or an import row, once cleaned) provides. */
export const participantInput = z.object({
  externalId: optionalText(MAX_LENGTH.externalId),
  name: text(MAX_LENGTH.name).min(1).refine(hasVisibleChar, INVISIBLE_MESSAGE),
  gender: z
    .enum(['L', 'P'])
    .nullish()
    .transform((v) => v ?? null),
  regency: optionalText(MAX_LENGTH.regency),
  district: optionalText(MAX_LENGTH.district),
  institution: optionalText(MAX_LENGTH.institution),
  nik: optionalText(MAX_LENGTH.nik)
    .transform((v) => (v ? normaliseNik(v) : null))
    .refine((v) => v === null || isNik(v), 'NIK: 16 digits'),
  phone: optionalText(MAX_LENGTH.phone)
    .transform((v) => (v ? normalisePhone(v) : null))
    .refine((v) => v === null || isPhone(v), 'phone: 8-15 digits'),
  email: optionalText(MAX_LENGTH.email).refine((v) => v === null || isEmail(v), 'e-mail'),
  role: text(MAX_LENGTH.role).min(1),
  // Optional: absent from older forms, the CLI and event files (read as empty).
  nip: optionalText(MAX_LENGTH.nip)
    .transform((v) => (v ? normaliseDigits(v) : null))
    .refine((v) => v === null || isNip(v), 'NIP: 18 digits'),
  birthPlace: optionalText(MAX_LENGTH.birthPlace),
  birthDate: optionalText(MAX_LENGTH.birthDate + 20)
    .transform((v) => (v ? (normaliseBirthDate(v) ?? v) : null))
    .refine((v) => v === null || isBirthDate(v), 'tanggal lahir / date of birth: YYYY-MM-DD or DD-MM-YYYY'),
  rank: optionalText(MAX_LENGTH.rank),
  position: optionalText(MAX_LENGTH.position),
  npwp: optionalText(MAX_LENGTH.npwp)
    .transform((v) => (v ? normaliseDigits(v) : null))
    .refine((v) => v === null || isNpwp(v), 'NPWP: 15 or 16 digits'),
  bank: optionalText(MAX_LENGTH.bank),
  accountNo: optionalText(MAX_LENGTH.accountNo)
    .transform((v) => (v ? normaliseAccountNo(v) : null))
    .refine((v) => v === null || isAccountNo(v), 'rekening / account: 6-20 digits'),
});
export type ParticipantInput = z.output<typeof participantInput>;

export interface Participant extends ParticipantInput {
  id: number;
  code: string;
  deleted: boolean;
  /** Event day numbers (1-based) on which the participant is present. */
  daysPresent: number[];
  /** The same days with the first check-in time (ISO, UTC) of each. */
  presentAt: { dayNo: number; at: string }[];
  /** Fields changed in the app's form: a re-import keeps them unless told otherwise. */
  editedFields: Field[];
}
