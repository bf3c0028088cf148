import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { HadirError } from '../../../electron/shared/errors';
import path from 'node:path';
import { blankFields, type Field } from '../../../electron/shared/participant';
import { guessMapping } from '../../../electron/core/participants/import/guess-mapping';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { validateRows, type Values } from '../../../electron/core/participants/import/validate-rows';

export const ROLES = ['Peserta', 'Narasumber', 'Panitia'];

export function fixture(name: string): Uint8Array {
  return readFileSync(path.resolve(__dirname, '../../fixtures', name));
}

/** Every field of a row: the ones not given are expected to be null (role: 'Peserta'). */
export function values(v: Partial<Values>): Values {
  const all: Values = { ...blankFields(), role: 'Peserta' };
  return { ...all, ...v };
}

/** The whole pipeline on a fixture, with the guessed mapping. */
export async function importFixture(name: string, mapping?: (Field | null)[]) {
  const table = await readTable(fixture(name), name);
  const result = validateRows(table, mapping ?? guessMapping(table.headers), ROLES);
  return { table, ...result };
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** The HadirError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<HadirError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HadirError);
  return err as HadirError;
}
