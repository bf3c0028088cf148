import type { certificatesId } from './certificates.id';

// Certificates screen and its errors, English. Same keys as certificates.id.ts.
export const certificatesEn: Record<keyof typeof certificatesId, string> = {
  'nav.certificates': 'Certificates',

  'error.asset_invalid': 'This file cannot be used.',
  'error.asset_invalid.maxMb': 'The file is larger than {maxMb} MB. Make it smaller, then choose it again.',
  'error.asset_invalid.damaged': 'The image is damaged or cut off. Choose another file.',
  'error.asset_invalid.pdf': 'The PDF cannot be read or is password-protected. Export it again without a password.',
  'error.asset_invalid.pages': 'The PDF has {pages} pages; a background must be a one-page PDF.',
  'error.asset_invalid.format': '{format} is not supported. Use a PNG or JPEG image (or a one-page PDF for a background).',
  'error.not_eligible': 'Does not qualify for a certificate.',
  'error.not_eligible.present': '{name} does not qualify yet: present on {present} of {total} days, {required} required.',
  'error.not_eligible.deleted': '{name} has been deleted from the participant list.',
  'error.not_eligible.none': 'Nobody qualifies for a certificate yet.',
  'error.revoked': 'This certificate has been revoked.',
  'error.revoked.number': 'Certificate {number} of {name} was revoked ({reason}); it cannot be printed again.',
  'error.not_found.notBadge': 'The scanned code is not a participant badge.',
  'error.not_found.otherEvent': 'This badge belongs to another event.',
  'error.not_found.code': 'No participant has the code {code}.',
  'zod.pattern: no | or control characters': 'The number pattern may not contain |',
  'zod.pattern: exactly one {seq}': 'The number pattern must contain exactly one {seq}',
  'zod.pattern: unknown {…}': 'The number pattern contains an unknown {…} code',
};
