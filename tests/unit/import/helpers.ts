import { readFileSync } from 'node:fs';
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
