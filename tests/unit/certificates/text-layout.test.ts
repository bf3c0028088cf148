import { describe, expect, it } from 'vitest';
import { fillWording, fitName, fitParagraph, wrapRuns } from '../../../electron/core/certificates/render/text-layout';

// A monospaced stand-in font: every character 0.5 em wide, bold 0.6.
const measure = (s: string, bold = false) => s.length * (bold ? 0.6 : 0.5);

describe('certificate text layout', () => {
  it('keeps a short name at the template size on one line', () => {
    expect(fitName('Abdul Rozak', { w: 600, h: 50 }, 30, measure)).toEqual({ size: 30, lines: ['Abdul Rozak'] });
  });

  it('shrinks a long name a little, then breaks it into two balanced lines, never wider than the box', () => {
    const name = 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.';
    const box = { w: 400, h: 80 };
    const fit = fitName(name, box, 30, measure);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines.join(' ')).toBe(name);
    for (const l of fit.lines) expect(measure(l) * fit.size).toBeLessThanOrEqual(box.w + 1e-9);
    expect(fit.lines.length * fit.size * 1.15).toBeLessThanOrEqual(box.h + 1e-9);
    const [a, b] = fit.lines.map((l) => measure(l));
    expect(Math.abs(a! - b!)).toBeLessThan(8);
    // A short box allows one line only: shrink instead.
    const flat = fitName(name, { w: 400, h: 30 }, 30, measure);
    expect(flat.lines).toHaveLength(1);
    expect(measure(name) * flat.size).toBeLessThanOrEqual(400 + 1e-9);
  });

  it('fills the wording and puts the event name in bold', () => {
    const runs = fillWording('sebagai {role} dalam kegiatan {event}.', { role: 'Peserta', event: 'Pelatihan PSM' }, ['event']);
    expect(runs).toEqual([
      { text: 'sebagai Peserta dalam kegiatan ', bold: false },
      { text: 'Pelatihan PSM', bold: true },
      { text: '.', bold: false },
    ]);
  });

  it('wraps within the width and shrinks a paragraph to fit its box', () => {
    const runs = [{ text: 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh', bold: false }];
    const lines = wrapRuns(runs, 12, measure);
    expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual([
      'satu dua tiga empat lima',
      'enam tujuh delapan',
      'sembilan sepuluh',
    ]);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(12);
    const fit = fitParagraph(runs, { w: 120, h: 40 }, 12, measure);
    expect(fit.lines.length * fit.size * 1.3).toBeLessThanOrEqual(40);
  });
});
