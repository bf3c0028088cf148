// The one function core/qr/qrcode-core.ts takes from qrcode's encoder module (the package ships
// types for its entry only).
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';
  const core: { create(text: string | QRCodeSegment[], options?: QRCodeOptions): QRCode };
  export default core;
}
