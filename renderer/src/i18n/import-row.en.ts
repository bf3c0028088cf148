import type { importRowId } from './import-row.id';

// The import report's "rest of the row" column, English. Same keys as import-row.id.ts.
export const importRowEn: Record<keyof typeof importRowId, string> = {
  'import.rowValues': 'Rest of this row (to find the person)',
};
