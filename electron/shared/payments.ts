// The office's paperwork (issue 20): payment rates, the signatories of a daftar penerimaan, the
// inputs of the receipts and the 20-JP record. Money is whole rupiah (integers) everywhere.
import { z } from 'zod';
import { plainText } from './text';
import { bytesInput } from './file';
import { eventRef } from './desk';

import { PAYMENT_KINDS } from './payment-kinds';

// In payment-kinds.ts, free of zod: the CLI names them when its commands are defined.
export { PAYMENT_KINDS };
export type { PaymentKind } from './payment-kinds';

/** The largest amount per unit accepted: Rp 100 juta (a typo with three zeros too many is refused). */
export const MAX_RATE = 100_000_000;

export const rateRow = z
  .object({
    kind: z.enum(PAYMENT_KINDS),
    role: plainText(60).min(1),
    /** '' = every regency; otherwise this home regency only (Way Kanan is farther than Bandar Lampung). */
    regency: plainText(120).default(''),
    /** Whole rupiah per unit. */
    amount: z.number().int().min(0).max(MAX_RATE),
  })
  .strict();
export type RateRow = z.output<typeof rateRow>;

const nip = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => s === '' || /^\d{18}$/.test(s), 'NIP: 18 digits');

/** One signature block: "Setuju dibayar, Pejabat Pembuat Komitmen", with name, NIP and rank. */
export const paymentSignatory = z
  .object({
    /** The line above the title: "Setuju dibayar", "Lunas dibayar", "Mengetahui". */
    caption: plainText(100).default(''),
    title: plainText(200).default(''),
    name: plainText(200).default(''),
    nip: nip.default(''),
    rank: plainText(100).default(''),
  })
  .strict();
export type PaymentSignatory = z.output<typeof paymentSignatory>;

export const paymentConfig = z
  .object({
    /** Tax withheld from a person with no grade (non-civil-servant) with no rate of their own, in basis points. */
    nonCivilRateBp: z.number().int().min(0).max(10_000).default(0),
    /** The receipts' signature blocks, left to right (up to three on a row, as offices print them). */
    signatories: z.array(paymentSignatory).max(3).default([
      { caption: 'Setuju dibayar', title: 'Pejabat Pembuat Komitmen', name: '', nip: '', rank: '' },
      { caption: 'Lunas dibayar', title: 'Bendahara Pengeluaran', name: '', nip: '', rank: '' },
      { caption: '', title: 'Pejabat Pelaksana Teknis Kegiatan', name: '', nip: '', rank: '' },
    ]),
    /** The daftar hadir's second signatory ("Mengetahui", e.g. the head of division); none when its name is empty. */
    mengetahui: paymentSignatory.default({ caption: 'Mengetahui', title: '', name: '', nip: '', rank: '' }),
  })
  .strict();
export type PaymentConfig = z.output<typeof paymentConfig>;

export interface PaymentSettings {
  rates: RateRow[];
  config: PaymentConfig;
  /** Rates set per person (non-civil-servants), in basis points. */
  personalRates: { participantId: number; name: string; rateBp: number }[];
}

export const ratesFileInput = z.object({ bytes: bytesInput }).strict();
export const setRatesInput = z.object({ rates: z.array(rateRow).max(3 * 200 * 600) }).strict();
export const setTaxRateInput = z
  .object({ participantId: z.number().int().positive(), rateBp: z.number().int().min(0).max(10_000).nullable() })
  .strict();

export const receiptsInput = z
  .object({
    ...eventRef,
    kind: z.enum(PAYMENT_KINDS),
    /** One day's list; absent = the whole event. */
    dayNo: z.number().int().positive().optional(),
    format: z.enum(['pdf', 'xlsx']).default('pdf'),
  })
  .strict();

/** A programme file (material;jp;speaker;moderator a line), read into sessions; nothing is saved. */
export const programmeFileInput = z.object({ bytes: bytesInput }).strict();

/** The surat keterangan of someone below the certificate's attendance rule (issue 20, item 7). */
export const statementInput = z.object({ ...eventRef, participantId: z.number().int().positive() }).strict();

/** The speakers' daftar hadir, per session of the programme (PDF). */
export const speakersInput = z.object({ ...eventRef }).strict();

export const jpInput = z
  .object({
    ...eventRef,
    by: z.enum(['instansi', 'regency']).default('instansi'),
  })
  .strict();
