import type { PDFDocument } from '@cantoo/pdf-lib';
import { cachingFontkit } from '../../pdf/fonts';

/**
 * fontkit 2, typed as pdf-lib expects it, through the badges' cache: a font file is parsed once
 * and the parsed font reused by every later document (parsing the three Noto Serif files took
 * ~90 ms of each on-demand certificate). The cache is keyed by the bytes object, which
 * core/certificates/fonts.ts loads once per process.
 */
export const fontkit = cachingFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0];
