// The Electron shell's own messages (printing outcomes, the kiosk guard, the job-worker notice),
// Bahasa Indonesia. Spread into id.ts; device.en.ts has the same keys.
export const deviceId = {
  'print.notPrinted': 'Tidak dicetak: dialog cetak dibatalkan.',
};
