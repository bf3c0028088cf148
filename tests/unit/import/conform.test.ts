// conform.ts skips zod for rows that are already what participantInput would return. Held here
// to the schema's own answers, so the shortcut cannot let through what the schema refuses or
// store a value the schema would have changed; and shown to be taken for ordinary rows.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformRow, isFixedPoint } from '../../../electron/core/participants/import/conform';
import { prepare } from '../../../electron/core/participants/import/prepare';
import { normaliseKey } from '../../../electron/core/participants/import/normalise-key';
import { FIELDS, participantInput } from '../../../electron/shared/participant';
import type { Values } from '../../../electron/core/participants/import/validate-rows';

const FIXTURE = path.resolve(__dirname, '../../../../shared/fixtures/peserta-psm-2022.csv');

// Pieces that sit on every edge the schema checks: spaces, control and invisible characters,
// digits of NIK and phone length, an e-mail, L and P, long runs.
const piece = fc.constantFrom(
  '',
  ' ',
  '  ',
  'a',
  'Siti',
  'É',
  'e\u0301',
  '\u200b',
  '\u3164',
  '\u0000',
  '\t',
  '\n',
  '\u0085',
  '@',
  '.',
  'x@y.id',
  '+',
  '62',
  '0812',
  '3456789',
  '1871012345678901',
  '123456789012345678',
  'L',
  'P',
  '-',
  'a'.repeat(60),
  '9'.repeat(40),
);
const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
const value = fc.oneof(fc.constant(null), text);
const values = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, value])) as Record<(typeof FIELDS)[number], fc.Arbitrary<string | null>>,
);

describe('conformRow: the same answer as participantInput', () => {
  it('takes the shortcut only where zod would return the values unchanged', () => {
    fc.assert(
      fc.property(values, (v) => {
        const zod = participantInput.safeParse(v);
        const ours = conformRow(v as Values);
        expect(ours.success).toBe(zod.success);
        if (zod.success && ours.success) expect(ours.data).toEqual(zod.data);
        if (isFixedPoint(v as Values)) expect(zod.success && zod.data).toEqual(v);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a shortcut for extra or missing keys', () => {
    const ok = {
      externalId: null,
      name: 'Siti',
      gender: null,
      regency: null,
      district: null,
      institution: null,
      nik: null,
      phone: null,
      email: null,
      nip: null,
      birthPlace: null,
      birthDate: null,
      rank: null,
      position: null,
      npwp: null,
      bank: null,
      accountNo: null,
      role: 'Peserta',
    };
    expect(isFixedPoint(ok)).toBe(true);
    // A paperwork field has no shortcut: any value of it goes through zod.
    expect(isFixedPoint({ ...ok, nip: '1985 0101 2010 01 1 001' })).toBe(false);
    expect(isFixedPoint({ ...ok, extra: 'x' } as unknown as Values)).toBe(false);
    const { email: _e, ...missing } = ok;
    expect(isFixedPoint(missing as unknown as Values)).toBe(false);
  });

  it('is taken for every valid row of a real list (so the import does not pay for zod)', async () => {
    const p = await prepare(fs.readFileSync(FIXTURE), 'peserta.csv', undefined, ['Peserta', 'Narasumber', 'Panitia']);
    const valid = p.rows.filter((r) => r.valid);
    expect(valid.length).toBeGreaterThan(60);
    for (const r of valid) expect(isFixedPoint(r.values)).toBe(true);
  });
});

describe('normaliseKey: the printable-ASCII shortcut folds as the full rule does', () => {
  const full = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  it('on arbitrary ASCII and on names with accents', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(normaliseKey(s)).toBe(full(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['BÚDI  Santoso,', 'José', 'Ni Luh Putu', 'I Gusti Ngurah Rai, S.H.', '  '])
      expect(normaliseKey(s)).toBe(full(s));
  });
});
