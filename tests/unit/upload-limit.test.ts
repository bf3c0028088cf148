import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../electron/core/participants/import/limits';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../../electron/shared/file';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import { ROOT } from '../helpers/ctx';

const files = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));

describe('the upload limit', () => {
  it('is spelled in one place only (shared/file.ts): no other 20 MB or 30 MB in the sources', () => {
    for (const f of [...files('electron'), ...files('renderer/src')]) {
      if (f.endsWith(path.join('shared', 'file.ts'))) continue;
      expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/\b20 \* 1024|\b20 MB|\b30 \* 1024/);
    }
  });

  it('drives the import check and the wording on screen', () => {
    expect(MAX_IMPORT_BYTES).toBe(MAX_UPLOAD_BYTES);
    expect(id['import.limits']).toContain(`${MAX_UPLOAD_MB} MB`);
    expect(en['error.import_too_large.bytes']).toContain(`${MAX_UPLOAD_MB} MB`);
  });
});
