// Issue 8, defects 1 and 10 for CSV: files that cost far more to read and report than their size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebHost } from '../../../electron/web/server';
import type { ImportPreview } from '../../../electron/shared/import';
import { BYTES_TYPE, INPUT_HEADER, encodeHeader } from '../../../electron/shared/wire';
import { translate } from '../../../renderer/src/i18n';
import { formatReport } from '../../../electron/cli/participants';
import { MAX_CELLS, MAX_COLUMNS } from '../../../electron/core/participants/import/limits';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { MAX_LISTED_PROBLEMS, MAX_QUOTED_CHARS } from '../../../electron/core/participants/import/report';
import * as hostile from '../../helpers/hostile-files';
import { PSM_EVENT, ROOT, ok, tempCtx, tempDir } from '../../helpers/ctx';
import { rejection } from './helpers';

describe('defect 10: the problem report of a file with long values everywhere', () => {
  it('quotes each value cut short and lists a bounded number of problems, counting the rest', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const bytes = hostile.longCellsCsv(); // ~20 MB: 1,000 rows, two 10,000-character cells each
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'panjang.csv', bytes });
    expect(preview.totalRows).toBeGreaterThan(1000);
    expect(preview.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(preview.moreProblems).toBeGreaterThan(preview.totalRows);
    for (const p of preview.problems) expect(p.value.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
    expect(preview.problems[0]).toMatchObject({ line: 2, code: 'too_long', value: expect.stringMatching(/^x+…$/) });
    // The whole answer (what the HTTP host sends) stays small.
    expect(JSON.stringify(preview).length).toBeLessThan(200 * 1024);
    const report = formatReport(preview);
    expect(report).toMatch(new RegExp(`\\.\\.\\. and ${preview.moreProblems} more problem\\(s\\)`));
    expect(report.length).toBeLessThan(200 * 1024);
  });

  it('stays small where the organiser reads it: the CLI output and the web host answer', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'panjang.csv');
    fs.writeFileSync(file, hostile.longCellsCsv());
    const hadir = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args, '--data-dir', dir], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    hadir('event', 'demo');
    const cli = hadir('participants', 'import', file, '--dry-run');
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^ {2}\.\.\. and \d+ more problem\(s\); fix the ones listed first\.$/m);
    expect(cli.stdout.match(/^ {2}error {2}line/gm)).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(cli.stdout.length).toBeLessThan(200 * 1024);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);

    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const server = createWebHost({ ctx, staticDir: tempDir() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/participants.importPreview`, {
        method: 'POST',
        headers: {
          'content-type': BYTES_TYPE,
          [INPUT_HEADER]: encodeHeader('{"fileName":"panjang.csv","bytes":{"$bytes":true}}'),
        },
        body: fs.readFileSync(file),
      });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text.length).toBeLessThan(200 * 1024);
      const preview = (JSON.parse(text) as { value: ImportPreview }).value;
      expect(preview.problems).toHaveLength(MAX_LISTED_PROBLEMS);
      expect(preview.moreProblems).toBeGreaterThan(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('lists errors before warnings, so a flood of warnings cannot hide an error', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    // 600 formula-looking names (warnings, once the organiser allows them) and one empty name (an error) at the end.
    const csv = ['Nama,Kota', ...Array.from({ length: 600 }, (_, i) => `=Nama${i},Metro`), ',Metro'].join('\n');
    const preview = await ok(ctx, 'participants.importPreview', {
      fileName: 'x.csv',
      bytes: Buffer.from(csv),
      allowFormulas: true,
    });
    expect(preview.problems[0]).toMatchObject({ code: 'empty_name', warning: false });
    expect(preview.moreProblems).toBe(601 - MAX_LISTED_PROBLEMS);
  });
});

describe('defect 1 for CSV: cells bounded while parsing', () => {
  it(`refuses ten million one-letter cells past ${MAX_CELLS.toLocaleString('en-US')} filled cells`, async () => {
    const err = await rejection(readTable(hostile.manyCellsCsv(), 'x.csv'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ cells: MAX_CELLS });
    // Worded on screen for the bound it passed, not as "at most 20 MB or 50,000 rows".
    expect(translate('id', 'error.import_too_large.cells')).toMatch(/lebih dari 1\.000\.000 sel/);
    expect(translate('en', 'error.import_too_large.cells')).toMatch(/more than 1,000,000 cells/);
  });

  it('keeps no empty cells past the last filled one: 19 MB of semicolons is an empty list', async () => {
    const t = await readTable(hostile.delimitersCsv(), 'x.csv');
    expect(t.headers).toEqual(['Nama', 'Kota']);
    expect(t.rows).toEqual([]);
  });

  it('keeps a cell just past the header (a shifted row) and leaves out one hundreds of columns past it', async () => {
    const far = ';'.repeat(MAX_COLUMNS + 10);
    const t = await readTable(Buffer.from(`Nama;Kota\nAni;Metro;x\nBudi;Metro${far}y\nCitra;Metro;z${far}y\n`), 'x.csv');
    expect(t.rows).toEqual([
      ['Ani', 'Metro', 'x'],
      ['Budi', 'Metro'],
      ['Citra', 'Metro', 'z'],
    ]);
  });

  it('still reports a row cut short before the last column', async () => {
    const t = await readTable(Buffer.from('Nama;Kota;HP\nAni;;\nBudi\n'), 'x.csv');
    expect(t.rows).toEqual([['Ani', '', ''], ['Budi']]);
  });
});
