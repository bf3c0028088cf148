import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../../helpers/ctx';
import { LONG_NAME, psmEvent, scan } from './helpers';
import { pdfText, zbar, pngOf } from './raster';

const hadir = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });

describe('hadir certificates / hadir verify', () => {
  it(
    'prints chosen or all eligible certificates to one PDF and per-person files; verify prints one JSON line',
    { timeout: 600_000 },
    async () => {
      const { ctx, event, ids } = await psmEvent();
      const long = ids.get(LONG_NAME)!;
      for (const id of [long, ids.get('Abdul Rozak')!]) for (const d of [1, 2]) scan(ctx, event, id, d);
      const code = (ctx.db.prepare('SELECT code FROM participant WHERE id = ?').get(long) as { code: string }).code;
      const dir = ctx.dataDir;
      ctx.db.close();

      const out = path.join(tempDir(), 'one.pdf');
      const one = hadir('certificates', '--only', code, '--out', out, '--data-dir', dir);
      expect(one.stderr).toBe('');
      expect(one.stdout.trim()).toBe(`Wrote 1 certificate(s) to ${out}`);
      expect(pdfText(fs.readFileSync(out))).toContain(LONG_NAME);

      const split = path.join(tempDir(), 'split');
      const all = hadir('certificates', '--all-eligible', '--split', split, '--data-dir', dir);
      expect(all.status).toBe(0);
      expect(fs.readdirSync(split).sort()).toEqual(
        [
          `001-PSM-DINSOS-IX-2022 ${LONG_NAME}pdf`, // the name ends with "M.Kesos."
          '002-PSM-DINSOS-IX-2022 Abdul Rozak.pdf',
        ].sort(),
      );

      const [claim] = zbar(pngOf(fs.readFileSync(out), 150));
      const ok = hadir('verify', claim!, '--data-dir', dir);
      expect(ok.status).toBe(0);
      expect(ok.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(ok.stdout)).toMatchObject({
        verdict: 'authentic',
        claim: { number: '001/PSM/DINSOS/IX/2022', name: LONG_NAME },
      });
      const bad = hadir('verify', claim!.replace('Raden', 'Radén'), '--data-dir', dir);
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({ verdict: 'forged', reason: 'bad_signature' });

      expect(hadir('certificates', '--all-eligible', '--data-dir', dir).status).toBe(2);
    },
  );
});
