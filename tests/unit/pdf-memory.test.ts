// A badge sheet's and a certificate batch's memory must not grow with the number of people
// (issue 21 item 1: ≤ 300 MB for any number of tags, ≤ 250 MB for any number of certificates).
// The old renderer built the whole document in pdf-lib until save(): its peak grew by ~80 KB a tag,
// 686–722 MB for a 5,000-person congress. Pages are now written as they finish
// (core/pdf/streamed-pdf.ts), and what is held per page is its compressed bytes.
//
// Memory, not time: N and 4N are rendered, each in a fresh process, one after the other, and what
// each render kept alive at its peak (heap and buffers after a full collection, every tenth page
// and with the file's bytes in hand: tests/helpers/pdf-memory-child.ts says why not the process's
// maxRSS) may grow by a few KB a person, no more. Start-up, fonts and libraries are in both and
// cancel out. Each file is read back: its page count, and the QR codes of its last page decoded
// from the rendered page, so the larger batch is whole.
//
// Checked against the renderers it guards against (docs/engineering/pdf-memory.md): tags drawn as
// pdf-lib objects kept until save() (b5c1bd6^) grew 71 KB a tag (250 → 1,000: +53 MB); certificate
// pages held as 64 KB chunk views until save() (3d4992c^) grew 38 KB a certificate (100 → 400:
// +11.3 MB). Here: +0.2 KB a tag, +10.5 KB a certificate (its file's bytes are ~2.3 KB a page,
// held twice while the file is joined).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedBadges } from '../helpers/badge-people';
import { ROOT, tempDir } from '../helpers/ctx';

const CHILD = path.join(ROOT, 'tests/helpers/pdf-memory-child.ts');

function render(kind: 'badges' | 'certificates', n: number, dir: string): { liveMb: number; file: string } {
  const file = path.join(dir, `${kind}-${n}.pdf`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, kind, String(n), file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return { liveMb: (JSON.parse(r.stdout.trim().split('\n').pop()!) as { liveMb: number }).liveMb, file };
}

const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** The QR texts zbarimg reads on one page rendered at 150 dpi (at 100 one A4-10 tag in ten may not read). */
function qrsOnPage(file: string, page: number): string[] {
  const png = path.join(path.dirname(file), `p${page}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, png]);
  const r = spawnSync('zbarimg', ['-q', '--raw', `${png}.png`], { encoding: 'utf8' });
  return r.stdout.trim().split('\n').filter(Boolean);
}

const KB = 1 / 1024;
/** Growth per person from n to 4n, in KB. */
const perPersonKb = (small: { liveMb: number }, large: { liveMb: number }, extra: number) => (large.liveMb - small.liveMb) / KB / extra;

describe('PDF memory does not grow with the number of people', () => {
  it('A4-10 tags: from 250 to 1,000, at most 10 KB more a tag', () => {
    const dir = tempDir('hadir-pdf-memory-');
    const small = render('badges', 250, dir);
    const large = render('badges', 1000, dir);
    expect(pageCount(large.file)).toBe(100);
    // The last page holds the last ten people: their QR codes read back.
    const last = generatedBadges(1000).slice(990).map((b) => b.payload);
    expect(qrsOnPage(large.file, 100).sort()).toEqual(last.sort());
    expect(perPersonKb(small, large, 750), `kept alive ${small.liveMb.toFixed(1)} → ${large.liveMb.toFixed(1)} MB`).toBeLessThan(10);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it('certificates: from 100 to 400, at most 25 KB more a certificate', () => {
    const dir = tempDir('hadir-pdf-memory-');
    const small = render('certificates', 100, dir);
    const large = render('certificates', 400, dir);
    expect(pageCount(large.file)).toBe(400);
    const lastCode = generatedBadges(400)[399]!.code;
    expect(qrsOnPage(large.file, 400)).toEqual([`HC1.${lastCode}.000399.${'x'.repeat(130)}`]);
    expect(perPersonKb(small, large, 300), `kept alive ${small.liveMb.toFixed(1)} → ${large.liveMb.toFixed(1)} MB`).toBeLessThan(25);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
