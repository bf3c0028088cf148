import type { registerId } from './register.id';

export const registerEn: Record<keyof typeof registerId, string> = {
  'reports.recap.pdfRegister': 'Download PDF (certificate number register)',
};
