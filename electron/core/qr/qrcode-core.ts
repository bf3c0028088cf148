import core from 'qrcode/lib/core/qrcode.js';

/**
 * qrcode's encoder alone (its lib/core/qrcode.js, what `QRCode.create` is). The package's entry
 * also loads its PNG, SVG and terminal renderers and pngjs, ~60 files a PDF never uses, in every
 * worker that draws a QR (issue 21: a badge sheet's start-up).
 */
export const createQr = core.create;
