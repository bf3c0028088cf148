import { describe, expect, it } from 'vitest';
import { isPhone, normalisePhone } from '../../electron/shared/normalise';
import { participantInput } from '../../electron/shared/participant';
import { validateRows } from '../../electron/core/participants/import/validate-rows';

describe('one phone format (issue 9.6)', () => {
  it('stores a typed "+62 813-0459-311" exactly as the imported "08130459311"', () => {
    const typed = participantInput.parse({ name: 'Ni Luh', role: 'Peserta', phone: '+62 813-0459-311' });
    const table = { format: 'csv' as const, headers: ['Nama', 'No HP'], rows: [['Ni Luh', '08130459311']], lines: [2] };
    const imported = validateRows(table, ['name', 'phone'], ['Peserta']).rows[0]!.values;
    expect(typed.phone).toBe('08130459311');
    expect(imported.phone).toBe(typed.phone);
  });

  it.each([
    ['+62 813-0459-311', '08130459311'],
    ['+62 (0) 813 0459 311', '08130459311'],
    ['0062 813 0459 311', '08130459311'],
    ['6281304593110', '081304593110'], // a WhatsApp export writes the country code without "+"
    ['0813.0459.311', '08130459311'],
    ['(0721) 123-456', '0721123456'],
    ['+62 21 5790 1234', '02157901234'], // a Jakarta landline
    ['+60 12-345 6789', '+60123456789'], // a Malaysian number keeps its country code
    ['62123456', '62123456'], // a short local number that happens to start with 62
  ])('%s -> %s', (raw, stored) => {
    expect(normalisePhone(raw)).toBe(stored);
    expect(isPhone(stored)).toBe(true);
  });
});
