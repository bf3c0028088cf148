import { describe, expect, it } from 'vitest';
import {
  PRINT_OPTIONS_CHECKED_AGAINST,
  PrintOptionsError,
  printCallbackOutcome,
  printOptions,
  printTarget,
  printWindowOptions,
} from '../../electron/main/print-options';
import pkg from '../../package.json';

const A4 = { widthPt: 595.28, heightPt: 841.89 };
const base = { silent: true, deviceName: 'Brother_QL_820NWB', copies: 1 };

describe('printOptions: every print decision in one place', () => {
  it('prints A4 at its own size in microns, no margins, backgrounds on, 100%, one-sided', () => {
    expect(printOptions({ ...base, page: A4 })).toEqual({
      silent: true,
      deviceName: 'Brother_QL_820NWB',
      pageSize: { width: 210_000, height: 297_000 },
      landscape: false,
      margins: { marginType: 'none' },
      scaleFactor: 100,
      printBackground: true,
      color: true,
      duplexMode: 'simplex',
      copies: 1,
      collate: true,
    });
  });

  // Electron 43+ throws in webContents.print() when usePrinterDefaultPageSize is present at all
  // (`!== undefined`) beside a pageSize: with the key, every print ended as print_failed.
  it('never sends usePrinterDefaultPageSize (not even false) beside a pageSize', () => {
    const mm = 72 / 25.4;
    const pages = [A4, { widthPt: A4.heightPt, heightPt: A4.widthPt }, { widthPt: 62 * mm, heightPt: 100 * mm }];
    for (const page of pages) {
      for (const silent of [true, false]) {
        for (const deviceName of ['Brother_QL', null]) {
          const o = printOptions({ page, silent, deviceName, copies: 1 });
          expect(o.pageSize).toBeDefined();
          expect(Object.keys(o)).not.toContain('usePrinterDefaultPageSize');
        }
      }
    }
  });

  it('gives a landscape page (a certificate) as portrait media plus landscape', () => {
    const o = printOptions({ ...base, page: { widthPt: A4.heightPt, heightPt: A4.widthPt } });
    expect(o.pageSize).toEqual({ width: 210_000, height: 297_000 });
    expect(o.landscape).toBe(true);
  });

  it('keeps the 62 mm badge roll portrait, 62 mm wide', () => {
    const mm = 72 / 25.4;
    const o = printOptions({ ...base, page: { widthPt: 62 * mm, heightPt: 100 * mm } });
    expect(o.pageSize).toEqual({ width: 62_000, height: 100_000 });
    expect(o.landscape).toBe(false);
  });

  it('refuses a page below Chromium’s 353-micron minimum, and a nonsense size', () => {
    expect(() => printOptions({ ...base, page: { widthPt: 0.9, heightPt: 100 } })).toThrow(PrintOptionsError);
    expect(() => printOptions({ ...base, page: { widthPt: Number.NaN, heightPt: 100 } })).toThrow(PrintOptionsError);
    expect(printOptions({ ...base, page: { widthPt: 1.01, heightPt: 100 } }).pageSize).toMatchObject({ width: 360 });
  });

  it('clamps copies to 1..99 and leaves deviceName out rather than empty', () => {
    expect(printOptions({ ...base, copies: 0, page: A4 }).copies).toBe(1);
    expect(printOptions({ ...base, copies: 500, page: A4 }).copies).toBe(99);
    expect(printOptions({ ...base, copies: 2.7, page: A4 }).copies).toBe(2);
    expect('deviceName' in printOptions({ ...base, deviceName: null, page: A4 })).toBe(false);
  });

  it('names the Electron version it was checked against, and that is the one package.json pins', () => {
    const pinned = pkg.devDependencies.electron.replace(/^[\^~]/, '');
    expect(PRINT_OPTIONS_CHECKED_AGAINST.split('.')[0]).toBe(pinned.split('.')[0]);
  });
});

describe('printTarget: where a print goes', () => {
  it('prints silently to the printer asked for, else to the desk printer', () => {
    expect(printTarget('desk', 'Canon_G2010', 'Brother_QL')).toEqual({ silent: true, deviceName: 'Canon_G2010' });
    expect(printTarget('desk', null, 'Brother_QL')).toEqual({ silent: true, deviceName: 'Brother_QL' });
  });

  it('never prints silently to an unknown system default', () => {
    expect(printTarget('desk', null, null)).toBeNull();
    expect(printTarget('desk', '', null)).toBeNull();
  });

  it('opens the dialog with the desk printer preselected when there is one', () => {
    expect(printTarget('dialog', null, 'Brother_QL')).toEqual({ silent: false, deviceName: 'Brother_QL' });
    expect(printTarget('dialog', null, null)).toEqual({ silent: false, deviceName: null });
  });
});

describe('printCallbackOutcome: what the print() callback means', () => {
  it('reads Cancel in the dialog as "not printed", whatever the spelling', () => {
    expect(printCallbackOutcome(true, '', false)).toBe('printed');
    expect(printCallbackOutcome(false, 'Print job canceled', false)).toBe('not_printed');
    expect(printCallbackOutcome(false, 'print job cancelled', false)).toBe('not_printed');
  });

  it('keeps every other failure, and any failure of a silent print, a failure', () => {
    expect(printCallbackOutcome(false, 'Print job failed', false)).toEqual({ failed: 'Print job failed' });
    expect(printCallbackOutcome(false, 'Invalid deviceName provided', true)).toEqual({ failed: 'Invalid deviceName provided' });
    expect(printCallbackOutcome(false, 'Print job canceled', true)).toEqual({ failed: 'Print job canceled' });
    expect(printCallbackOutcome(false, undefined, true)).toEqual({ failed: 'Print job failed' });
  });
});

describe('printWindowOptions: the hidden print window', () => {
  it('has the kiosk window as parent for a dialog print only', () => {
    const kiosk = { id: 1 };
    expect(printWindowOptions(false, kiosk)).toMatchObject({ show: false, parent: kiosk });
    expect(printWindowOptions(true, kiosk)).not.toHaveProperty('parent');
    expect(printWindowOptions(false, undefined)).not.toHaveProperty('parent');
    expect(printWindowOptions(true, kiosk).webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      backgroundThrottling: false,
    });
  });
});
