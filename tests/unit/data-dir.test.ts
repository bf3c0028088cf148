import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag, resolveDataDir } from '../../electron/core/system/data-dir';

describe('data folder', () => {
  it('prefers --data-dir, then HADIR_DATA_DIR, then the OS user-data folder', () => {
    expect(resolveDataDir('/x/flag', { HADIR_DATA_DIR: '/x/env' }, 'linux', '/home/u')).toBe(path.resolve('/x/flag'));
    expect(resolveDataDir(undefined, { HADIR_DATA_DIR: '/x/env' }, 'linux', '/home/u')).toBe(path.resolve('/x/env'));
    expect(resolveDataDir(undefined, {}, 'linux', '/home/u')).toBe(path.join('/home/u', '.config', 'Hadir'));
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe(path.join('/cfg', 'Hadir'));
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/u')).toBe(
      path.join('/Users/u', 'Library', 'Application Support', 'Hadir'),
    );
    expect(resolveDataDir(undefined, { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      path.join('C:\\Users\\u\\AppData\\Roaming', 'Hadir'),
    );
  });

  it('reads --data-dir from a raw argv in both spellings', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir', '/d'])).toBe('/d');
    expect(dataDirFlag(['electron', '.', '--data-dir=/e'])).toBe('/e');
    expect(dataDirFlag(['electron', '.'])).toBeUndefined();
  });
});
