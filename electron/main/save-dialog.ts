// What the save dialog offers for a file the renderer hands over. Pure, for unit tests.
import path from 'node:path';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  png: { name: 'PNG', extensions: ['png'] },
  jpg: { name: 'JPEG', extensions: ['jpg', 'jpeg'] },
  zip: { name: 'ZIP', extensions: ['zip'] },
  db: { name: 'Hadir', extensions: ['db'] },
};

/**
 * The name the renderer suggests, reduced to a plain file name: no folders (`../`, `C:\`), no
 * characters Windows refuses, no device names. The operator still sees and can change it.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(clean)) clean = `_${clean}`;
  return clean.replace(/^\.+/, '') || 'hadir';
}

export function saveDialogOptions(fileName: string, defaultDir: string, title: string) {
  const name = safeFileName(fileName);
  const ext = path.extname(name).slice(1).toLowerCase();
  const filter = FILTERS[ext === 'jpeg' ? 'jpg' : ext];
  return {
    title,
    defaultPath: path.join(defaultDir, name),
    filters: [...(filter ? [filter] : []), { name: '*', extensions: ['*'] }],
  };
}
