// The import report's "rest of the row" column (issue 16: find the person behind a refused cell), Bahasa Indonesia.
export const importRowId = {
  'import.rowValues': 'Isi lain baris ini (untuk menemukan orangnya)',
};
