import type { PaymentKind } from '../../shared/payments';

// What the daftar penerimaan (PDF, in a worker) and its Excel twin (receipts-xlsx.ts, on the main
// thread) both print. Apart from the PDF's module, so the main thread does not load pdf-lib for it.

export const KIND_TITLE: Record<PaymentKind, string> = {
  transport: 'UANG TRANSPORT',
  'uang-saku': 'UANG SAKU',
  honor: 'HONORARIUM NARASUMBER DAN MODERATOR',
};

/** "5%", "15%", "2,5%": a basis-point rate as printed, without floating point. */
export const percent = (bp: number) =>
  `${Math.floor(bp / 100)}${
    bp % 100
      ? `,${String(bp % 100)
          .padStart(2, '0')
          .replace(/0$/, '')}`
      : ''
  }%`;
