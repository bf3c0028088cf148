// The amount in words against a table written by hand, every edge of the language; money and tax
// on integers only.
import { describe, expect, it } from 'vitest';
import { terbilang, terbilangRupiah } from '../../../electron/core/payments/terbilang';
import { formatRupiah, sumRupiah } from '../../../electron/core/payments/money';
import { gradeOf, rateFor, taxOn } from '../../../electron/core/payments/tax';

const TABLE: [number | bigint, string][] = [
  [0, 'nol'],
  [1, 'satu'],
  [2, 'dua'],
  [9, 'sembilan'],
  [10, 'sepuluh'],
  [11, 'sebelas'],
  [12, 'dua belas'],
  [19, 'sembilan belas'],
  [20, 'dua puluh'],
  [21, 'dua puluh satu'],
  [99, 'sembilan puluh sembilan'],
  [100, 'seratus'],
  [101, 'seratus satu'],
  [110, 'seratus sepuluh'],
  [111, 'seratus sebelas'],
  [200, 'dua ratus'],
  [999, 'sembilan ratus sembilan puluh sembilan'],
  [1_000, 'seribu'],
  [1_001, 'seribu satu'],
  [1_100, 'seribu seratus'],
  [2_000, 'dua ribu'],
  [10_000, 'sepuluh ribu'],
  [11_000, 'sebelas ribu'],
  [12_500, 'dua belas ribu lima ratus'],
  [100_000, 'seratus ribu'],
  [101_000, 'seratus satu ribu'],
  [111_111, 'seratus sebelas ribu seratus sebelas'],
  [1_000_000, 'satu juta'],
  [1_001_000, 'satu juta seribu'],
  [1_100_000, 'satu juta seratus ribu'],
  [1_250_000, 'satu juta dua ratus lima puluh ribu'],
  [10_000_000, 'sepuluh juta'],
  [1_000_000_000, 'satu miliar'],
  [1_000_000_001, 'satu miliar satu'],
  [999_999_999_999, 'sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  [1_000_000_000_000, 'satu triliun'],
  [2_001_000_000_000n, 'dua triliun satu miliar'],
  [999_000_000_000_000n, 'sembilan ratus sembilan puluh sembilan triliun'],
  // Totals of real lists: 66 people x Rp 150.000 transport; 25 present x 3 days x Rp 100.000
  // uang saku; 4 JP x Rp 900.000 less 15 %; 5,000 congress participants x Rp 350.000.
  [9_900_000, 'sembilan juta sembilan ratus ribu'],
  [7_500_000, 'tujuh juta lima ratus ribu'],
  [3_060_000, 'tiga juta enam puluh ribu'],
  [1_750_000_000, 'satu miliar tujuh ratus lima puluh juta'],
];

describe('terbilang', () => {
  it.each(TABLE)('%s', (n, words) => expect(terbilang(n)).toBe(words));

  it('ends the grand total with "rupiah"', () => {
    expect(terbilangRupiah(1_250_000)).toBe('satu juta dua ratus lima puluh ribu rupiah');
  });

  it('refuses fractions, negatives and amounts past 999 triliun', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(10n ** 15n)).toThrow(RangeError);
    expect(() => terbilang(2 ** 53)).toThrow(RangeError);
  });
});

describe('money', () => {
  it('formats with dots and sums only whole amounts', () => {
    expect(formatRupiah(0)).toBe('0');
    expect(formatRupiah(999)).toBe('999');
    expect(formatRupiah(1000)).toBe('1.000');
    expect(formatRupiah(1_250_000)).toBe('1.250.000');
    expect(sumRupiah([150_000, 100_000, 1])).toBe(250_001);
    expect(() => sumRupiah([0.1, 0.2])).toThrow(RangeError);
  });
});

describe('tax per grade (PP 80/2010)', () => {
  it.each([
    ['Juru (I/a)', 'I'],
    ['Pengatur Muda Tk. I (II/b)', 'II'],
    ['Penata Muda (III/a)', 'III'],
    ['Penata Tingkat I (III/d)', 'III'],
    ['Pembina Utama Muda (IV/c)', 'IV'],
    ['IV/b', 'IV'],
    ['iii-c', 'III'],
    ['Gol. II', 'II'],
    ['III', 'III'],
    ['Honorer', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (rank, grade) => expect(gradeOf(rank)).toBe(grade));

  it('withholds 0 / 0 / 5 / 15 % by grade, the personal rate without one, rounded half up', () => {
    expect(rateFor('Juru (I/a)', null, 600)).toBe(0);
    expect(rateFor('Pengatur (II/c)', 300, 600)).toBe(0);
    expect(rateFor('Penata (III/c)', null, 600)).toBe(500);
    expect(rateFor('Pembina (IV/a)', null, 0)).toBe(1500);
    expect(rateFor(null, 300, 600)).toBe(300);
    expect(rateFor(null, null, 600)).toBe(600);
    expect(taxOn(900_000, 1500)).toBe(135_000);
    expect(taxOn(150_000, 500)).toBe(7_500);
    expect(taxOn(10, 500)).toBe(1); // 0.5 -> 1
    expect(taxOn(9, 500)).toBe(0); // 0.45 -> 0
    expect(taxOn(33_333, 1500)).toBe(5_000); // 4999.95 -> 5000
    expect(taxOn(0, 1500)).toBe(0);
    expect(() => taxOn(100.5, 500)).toThrow(RangeError);
  });
});
