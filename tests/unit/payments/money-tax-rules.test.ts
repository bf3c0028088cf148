// What the office reads on a daftar penerimaan, checked where a mutant of terbilang, money or tax
// slipped past the hand-written table (docs/engineering/mutation-testing.md, "payments"): every
// digit word in the spelled total, the largest amount, the tax withheld per grade from the way a
// rank is written, and the message of each refused amount or rate.
import { describe, expect, it } from 'vitest';
import { TERBILANG_MAX, terbilang, terbilangRupiah } from '../../../electron/core/payments/terbilang';
import { formatRupiah, rupiah, sumRupiah } from '../../../electron/core/payments/money';
import { gradeOf, rateFor, taxOn } from '../../../electron/core/payments/tax';

describe('the grand total in words', () => {
  it.each([
    [4, 'empat'],
    [8, 'delapan'],
    [13, 'tiga belas'],
    [14, 'empat belas'],
    [15, 'lima belas'],
    [16, 'enam belas'],
    [17, 'tujuh belas'],
    [18, 'delapan belas'],
    [48, 'empat puluh delapan'],
    [84, 'delapan puluh empat'],
    [400, 'empat ratus'],
    [810, 'delapan ratus sepuluh'],
    [845_000, 'delapan ratus empat puluh lima ribu'],
    [3_456_789, 'tiga juta empat ratus lima puluh enam ribu tujuh ratus delapan puluh sembilan'],
    [40_008_000, 'empat puluh juta delapan ribu'],
  ])('%s rupiah is "%s"', (n, words) => expect(terbilang(n)).toBe(words));

  it('spells the largest amount, 999.999.999.999.999, and refuses one rupiah more', () => {
    const nines = 'sembilan ratus sembilan puluh sembilan';
    expect(terbilangRupiah(TERBILANG_MAX)).toBe(
      `${nines} triliun ${nines} miliar ${nines} juta ${nines} ribu ${nines} rupiah`,
    );
    expect(() => terbilang(TERBILANG_MAX + 1n)).toThrow('amount out of range for terbilang: 1000000000000000');
  });

  it('never prints an empty, doubled or stray word, from nol to 20.000 and around each scale', () => {
    const amounts: bigint[] = [];
    for (let n = 0n; n <= 20_000n; n++) amounts.push(n);
    for (const scale of [10n ** 3n, 10n ** 6n, 10n ** 9n, 10n ** 12n])
      for (const k of [1n, 2n, 10n, 11n, 12n, 100n, 101n, 999n]) amounts.push(k * scale, k * scale + 1n, k * scale - 1n);
    for (const n of amounts) {
      const words = terbilang(n);
      // Lower-case words, one space apart: no "null", "undefined", "NaN" or padding on the sheet.
      if (!/^[a-z]+( [a-z]+)*$/.test(words) || /null|undefined|nan/.test(words)) throw new Error(`${n}: "${words}"`);
    }
  });

  it('names a refused amount in its message', () => {
    expect(() => terbilang(1.5)).toThrow('not a whole amount: 1.5');
    expect(() => terbilang(Number.NaN)).toThrow('not a whole amount: NaN');
    expect(() => terbilang(-1)).toThrow('amount out of range for terbilang: -1');
    expect(() => terbilang(-1n)).toThrow('amount out of range for terbilang: -1');
  });
});

describe('rupiah amounts', () => {
  it('prints thousands with dots at every size', () => {
    expect(formatRupiah(12_345)).toBe('12.345');
    expect(formatRupiah(100_000)).toBe('100.000');
    expect(formatRupiah(1_000_000_000_000)).toBe('1.000.000.000.000');
  });

  it('refuses a negative or fractional amount, or a sum past a safe integer, and says which', () => {
    expect(rupiah(0)).toBe(0);
    expect(() => rupiah(-1)).toThrow('not a whole rupiah amount: -1');
    expect(() => formatRupiah(-1_500)).toThrow('not a whole rupiah amount: -1500');
    expect(() => sumRupiah([150_000, -150_000])).toThrow('not a whole rupiah amount: -150000');
    expect(() => rupiah(0.5)).toThrow('not a whole rupiah amount: 0.5');
    expect(() => sumRupiah([Number.MAX_SAFE_INTEGER, 1])).toThrow('not a whole rupiah amount: 9007199254740992');
  });
});

describe('tax withheld, as the rank is written', () => {
  // Rp 1.000.000 honor; a person without a grade is withheld the event's non-civil rate, 6 %.
  const withheld = (rank: string | null) => taxOn(1_000_000, rateFor(rank, null, 600));

  it.each([
    // Spaces around the slash or dash, as typed into a spreadsheet.
    ['Penata (III / a)', 'III', 50_000],
    ['Penata Muda Tk. I, III - b', 'III', 50_000],
    ['Pembina IV /c', 'IV', 150_000],
    // "Gol." with or without its dot, with or without a space, with words after it.
    ['Golongan IV', 'IV', 150_000],
    ['Gol II', 'II', 0],
    ['Gol.II', 'II', 0],
    ['Gol. III (Penata)', 'III', 50_000],
    ['Gol. IV, Pembina', 'IV', 150_000],
    // Bare numerals, with spaces around.
    [' IV ', 'IV', 150_000],
    ['ii', 'II', 0],
    // No grade: a text that merely ends or starts with an I is not grade I (0 %).
    ['Staf TI', null, 60_000],
    ['Instruktur', null, 60_000],
    ['Honorer', null, 60_000],
  ])('"%s" is grade %s: Rp %s withheld from Rp 1.000.000', (rank, grade, tax) => {
    expect(gradeOf(rank)).toBe(grade);
    expect(withheld(rank)).toBe(tax);
  });

  // PP 99/2000: each pangkat name belongs to one grade, so a rank column holding the name alone
  // still gives the grade's rate (before, "Penata Tingkat I" was taxed as a non-civil-servant).
  it.each([
    ['Juru Muda', 'I'],
    ['Juru Muda Tingkat I', 'I'],
    ['Juru', 'I'],
    ['Juru Tingkat I', 'I'],
    ['Pengatur Muda', 'II'],
    ['Pengatur Muda Tingkat I', 'II'],
    ['Pengatur', 'II'],
    ['Pengatur Tingkat I', 'II'],
    ['Penata Muda', 'III'],
    ['Penata Muda Tingkat I', 'III'],
    ['Penata', 'III'],
    ['Penata Tingkat I', 'III'],
    ['Pembina', 'IV'],
    ['Pembina Tingkat I', 'IV'],
    ['Pembina Utama Muda', 'IV'],
    ['Pembina Utama Madya', 'IV'],
    ['Pembina Utama', 'IV'],
    // As typed: "Tk." with or without its dot and space, capitals, stray spaces.
    ['Penata Muda Tk.I', 'III'],
    ['Pengatur Tk I', 'II'],
    ['Juru Muda Tk. I', 'I'],
    ['PEMBINA  UTAMA  MUDA', 'IV'],
    [' Juru ', 'I'],
  ])('the pangkat name "%s" alone is grade %s', (rank, grade) => {
    expect(gradeOf(rank)).toBe(grade);
    expect(withheld(rank)).toBe({ I: 0, II: 0, III: 50_000, IV: 150_000 }[grade]);
  });

  it.each(['Juru Ketik', 'Penata Rias', 'Pembina Pramuka', 'Penata Muda Tingkat II', 'Tk. I'])(
    '"%s" is a job or no rank: the non-civil rate',
    (rank) => {
      expect(gradeOf(rank)).toBe(null);
      expect(withheld(rank)).toBe(60_000);
    },
  );

  it('withholds at most the whole amount: 100 % is a rate, 100,01 % is not', () => {
    expect(taxOn(1_000_000, 10_000)).toBe(1_000_000);
    expect(taxOn(1_000_000, 0)).toBe(0);
    expect(() => taxOn(1_000_000, 10_001)).toThrow('not a tax rate in basis points: 10001');
    expect(() => taxOn(1_000_000, -1)).toThrow('not a tax rate in basis points: -1');
    expect(() => taxOn(1_000_000, 2.5)).toThrow('not a tax rate in basis points: 2.5');
  });

  it('refuses a negative or fractional gross, and says which', () => {
    expect(() => taxOn(-100, 500)).toThrow('not a whole rupiah amount: -100');
    expect(() => taxOn(100.5, 500)).toThrow('not a whole rupiah amount: 100.5');
  });
});
