/** transport: once per person present; uang-saku: per day present; honor: per JP of the programme. (Re-exported by payments.ts.) */
export const PAYMENT_KINDS = ['transport', 'uang-saku', 'honor'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
