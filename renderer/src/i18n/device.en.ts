import type { deviceId } from './device.id';

// The Electron shell's own messages, English. Same keys as device.id.ts.
export const deviceEn: Record<keyof typeof deviceId, string> = {
  'print.notPrinted': 'Not printed: the print dialog was cancelled.',
};
