import type { deviceId } from './device.id';

// The Electron shell's own messages, English. Same keys as device.id.ts.
export const deviceEn: Record<keyof typeof deviceId, string> = {
  'print.notPrinted': 'Not printed: the print dialog was cancelled.',
  'kioskPin.title': 'Kiosk exit PIN',
  'kioskPin.isSet': 'A PIN is set: leaving kiosk mode (Ctrl+Shift+K) asks for it.',
  'kioskPin.notSet': 'No PIN yet: kiosk mode is left by holding Ctrl+Shift+K for 3 seconds. Set a PIN so participants cannot leave it.',
  'kioskPin.new': 'New PIN',
  'kioskPin.hint': '4–8 digits. Stored as a hash; it cannot be read back.',
  'kioskPin.invalid': 'The PIN must be 4–8 digits.',
  'kioskPin.save': 'Set PIN',
  'kioskPin.remove': 'Remove PIN',
  'kioskPin.saved': 'PIN set.',
  'kioskPin.removed': 'PIN removed.',
  'kioskExit.title': 'Leave kiosk mode',
  'kioskExit.pin': 'Organiser PIN',
  'kioskExit.leave': 'Leave',
  'kioskExit.wrong': 'Wrong PIN.',
  'kioskExit.locked': 'Too many wrong PINs. Try again in 1 minute.',
};
