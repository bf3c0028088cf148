// The paperwork's cells in an import (issue 20: NIP, NPWP, account number, date of birth), as the
// organiser sees them in the import report: the value stored, or the problem and the cell as typed.
// validate-rows.test.ts predates these fields; the import's mutation group runs both files.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../electron/shared/participant';
import type { Table } from '../../../electron/core/participants/import/read-table';
import { validateRows } from '../../../electron/core/participants/import/validate-rows';
import { ROLES } from './helpers';

/** One row with a name and `field` = `raw`; `numeric`: the cell was a number in a spreadsheet. */
function cell(field: Field, raw: string, numeric = false) {
  const table: Table = {
    format: numeric ? 'xlsx' : 'csv',
    headers: ['Nama', field],
    rows: [['Ani', raw]],
    lines: [2],
    ...(numeric ? { numeric: [[false, true]] } : {}),
  };
  const { rows, problems } = validateRows(table, ['name', field], ROLES);
  return { stored: rows[0]!.values[field], valid: rows[0]!.valid, codes: problems.map((p) => p.code) };
}

const ok = (stored: string | null) => ({ stored, valid: true, codes: [] });
const bad = (raw: string, code: string) => ({ stored: raw, valid: false, codes: [code] });

describe('paperwork cells in an import', () => {
  it.each([
    // NIP: 18 digits; the separators people type go.
    ['nip', '19750817 200012 1 001', false, ok('197508172000121001')],
    ['nip', '19750817.200012.1-001', false, ok('197508172000121001')],
    ['nip', '', false, ok(null)],
    ['nip', '19750817200012100', false, bad('19750817200012100', 'bad_nip')],
    ['nip', '1975081720001210011', false, bad('1975081720001210011', 'bad_nip')],
    // A NIP Excel kept as a number lost its last digits (15 significant): refused, never stored.
    ['nip', '197508172000121000', true, bad('197508172000121000', 'bad_nip')],
    ['nip', '1,97508E+17', false, bad('1,97508E+17', 'bad_nip')],
    ['nip', '1.97508e17', false, bad('1.97508e17', 'bad_nip')],
    // NPWP: 15 digits, or the 16-digit NIK since PMK 112/2022; a 15-digit number cell is whole.
    ['npwp', '12.345.678.9-012.345', false, ok('123456789012345')],
    ['npwp', '3201234567890001', false, ok('3201234567890001')],
    ['npwp', '123456789012345', true, ok('123456789012345')],
    ['npwp', '12345678901234', false, bad('12345678901234', 'bad_npwp')],
    ['npwp', '32012345678900011', false, bad('32012345678900011', 'bad_npwp')],
    // Account number: 6 to 20 digits; spaces, dots and dashes go, nothing else.
    ['accountNo', '0123-01-000123-50-1', false, ok('012301000123501')],
    ['accountNo', '380 123.456', false, ok('380123456')],
    ['accountNo', '123456', false, ok('123456')],
    ['accountNo', '12345678901234567890', false, ok('12345678901234567890')],
    ['accountNo', '12345', false, bad('12345', 'bad_account')],
    ['accountNo', '123456789012345678901', false, bad('123456789012345678901', 'bad_account')],
    ['accountNo', '0123/456789', false, bad('0123/456789', 'bad_account')],
    ['accountNo', '', false, ok(null)],
    // Date of birth, stored as YYYY-MM-DD, day first as Indonesian lists write it.
    ['birthDate', '17-08-1975', false, ok('1975-08-17')],
    ['birthDate', '7/8/1975', false, ok('1975-08-07')],
    ['birthDate', '1975-8-7', false, ok('1975-08-07')],
    ['birthDate', '17 Agustus 1975', false, ok('1975-08-17')],
    ['birthDate', '17 Agt. 1975', false, ok('1975-08-17')],
    ['birthDate', ' 1 Mei 1980 ', false, ok('1980-05-01')],
    ['birthDate', '31-02-1990', false, bad('31-02-1990', 'bad_birth_date')],
    ['birthDate', '08/17/1975', false, bad('08/17/1975', 'bad_birth_date')],
    ['birthDate', '17 Agustusan 1975', false, bad('17 Agustusan 1975', 'bad_birth_date')],
    ['birthDate', '', false, ok(null)],
  ] as const)('%s "%s" (number cell: %s)', (field, raw, numeric, expected) => {
    expect(cell(field, raw, numeric)).toEqual(expected);
  });
});
