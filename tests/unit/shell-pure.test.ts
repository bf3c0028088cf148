import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayReveal } from '../../electron/main/reveal';
import { safeFileName, saveDialogOptions } from '../../electron/main/save-dialog';
import { dispatchShell, type ShellHandlers } from '../../electron/main/shell-dispatch';
import { shellContract } from '../../electron/shared/shell-contract';
import { SHELL_OP_NAMES } from '../../electron/shared/shell-op-names';
import fs from 'node:fs';
import { ROOT } from '../helpers/ctx';

describe('shell contract', () => {
  it('declares every shell operation once; the name list imports nothing (the preload uses it)', () => {
    expect(Object.keys(shellContract).sort()).toEqual([...SHELL_OP_NAMES].sort());
    expect(fs.readFileSync(path.join(ROOT, 'electron/shared/shell-op-names.ts'), 'utf8')).not.toMatch(/^\s*import /m);
  });
});

describe('dispatchShell', () => {
  const calls: unknown[] = [];
  const handlers = {
    'shell.printers': () => [{ name: 'p', displayName: 'P', description: '' }],
    'shell.print': (input: unknown) => (calls.push(input), { printed: true as const, deviceName: 'p' }),
    'shell.printSettings': () => ({ deskPrinter: null }),
    'shell.setPrintSettings': (i: { deskPrinter: string | null }) => i,
    'shell.saveFile': () => {
      throw new Error('disk full at C:\\Users\\panitia');
    },
    'shell.chooseFolder': () => null,
    'shell.showInFolder': () => true as const,
    'shell.kioskPin': () => ({ pinSet: false }),
    'shell.setKioskPin': () => ({ pinSet: false }),
    'shell.leaveKiosk': () => ({ left: false, locked: false }),
  } satisfies ShellHandlers<string>;

  it('validates the input with the shell contract before any handler runs', async () => {
    const bad = await dispatchShell(
      handlers,
      'shell.print',
      { file: { fileName: 'a.csv', mime: 'text/csv', bytes: new Uint8Array(1) }, mode: 'desk' },
      's',
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const base64 = await dispatchShell(
      handlers,
      'shell.print',
      { file: { fileName: 'a.pdf', mime: 'application/pdf', bytes: 'JVBERg==' }, mode: 'desk' },
      's',
    );
    expect(base64).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
    const good = await dispatchShell(
      handlers,
      'shell.print',
      { file: { fileName: 'a.pdf', mime: 'application/pdf', bytes: new Uint8Array(1) }, mode: 'desk' },
      's',
    );
    expect(good).toEqual({ ok: true, value: { printed: true, deviceName: 'p' } });
    expect(calls).toEqual([expect.objectContaining({ copies: 1, mode: 'desk' })]);
  });

  it('folds a thrown error into a Result', async () => {
    const res = await dispatchShell(
      handlers,
      'shell.saveFile',
      { file: { fileName: 'a.pdf', mime: 'application/pdf', bytes: new Uint8Array(1) } },
      's',
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('save dialog', () => {
  it('reduces a suggested name to a plain file name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\system.ini')).toBe('system.ini');
    expect(safeFileName('peserta: 7/9?.csv')).toBe('9_.csv');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('...')).toBe('hadir');
    expect(safeFileName('badge-2022-09-07.pdf')).toBe('badge-2022-09-07.pdf');
  });

  it('offers the file type first, then all files', () => {
    const o = saveDialogOptions('badges.pdf', '/home/panitia/Documents', 'Simpan berkas');
    expect(o.defaultPath).toBe(path.join('/home/panitia/Documents', 'badges.pdf'));
    expect(o.filters).toEqual([
      { name: 'PDF', extensions: ['pdf'] },
      { name: '*', extensions: ['*'] },
    ]);
    expect(saveDialogOptions('x.bin', '/d', 't').filters).toEqual([{ name: '*', extensions: ['*'] }]);
  });
});

describe('show in folder', () => {
  const data = '/home/panitia/.config/Hadir';
  it('reveals files saved in this session and files in the data folder, nothing else', () => {
    const saved = new Set(['/home/panitia/Documents/badges.pdf']);
    expect(mayReveal('/home/panitia/Documents/badges.pdf', saved, data)).toBe(true);
    expect(mayReveal(`${data}/backups/hadir-2022-09-07.db`, saved, data)).toBe(true);
    expect(mayReveal('/home/panitia/.ssh/id_rsa', saved, data)).toBe(false);
    expect(mayReveal(`${data}/../../.ssh/id_rsa`, saved, data)).toBe(false);
    expect(mayReveal(data, saved, data)).toBe(false);
    expect(mayReveal('backups/x.db', saved, data)).toBe(false);
  });

  it('applies the same rule to Windows paths', () => {
    const w = path.win32;
    expect(
      mayReveal('C:\\Users\\p\\AppData\\Roaming\\Hadir\\backups\\a.db', new Set(), 'C:\\Users\\p\\AppData\\Roaming\\Hadir', w),
    ).toBe(true);
    expect(mayReveal('C:\\Windows\\win.ini', new Set(), 'C:\\Users\\p\\AppData\\Roaming\\Hadir', w)).toBe(false);
  });
});
