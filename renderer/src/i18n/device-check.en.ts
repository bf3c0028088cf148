import type { deviceCheckId } from './device-check.id';

// The "Device check" screen and the job-worker notice, English. Same keys as device-check.id.ts.
export const deviceCheckEn: Record<keyof typeof deviceCheckId, string> = {
  'nav.device': 'Device check',
  'devcheck.title': 'Device check',
  'devcheck.lead':
    'Check this laptop before the event, ideally the evening before at the venue: system, camera, printer and sound. Each line says what is wrong and what to do.',
  'devcheck.welcome.title': 'Check the devices first',
  'devcheck.welcome.body':
    'Before the event: check this laptop’s database, free disk space, backup folder, camera, printer and sound.',
  'devcheck.welcome.button': 'Open Device check',
  'devcheck.system.title': 'System',
  'devcheck.system.running': 'Checking… (a background worker starts and renders one page: a few seconds)',
  'devcheck.system.again': 'Check again',
  'devcheck.system.allOk': 'Every system check passed.',
  'devcheck.system.hasWarn': 'Warnings: read the lines; the event can still run.',
  'devcheck.system.hasFail': 'Something failed: fix the red lines before the event.',
  'devcheck.check.database': 'Database',
  'devcheck.check.disk': 'Disk space',
  'devcheck.check.backup': 'Backup folder',
  'devcheck.check.worker': 'Background worker',
  'devcheck.check.clock': 'Date and time zone',
  'devcheck.state.ok': 'OK',
  'devcheck.state.warn': 'Warning',
  'devcheck.state.fail': 'Failed',
  'devcheck.camera.title': 'Camera',
  'devcheck.camera.hint':
    'Show the QR code of the printer test page (or a participant’s name tag) to the camera, inside the square. Nothing is recorded as attendance.',
  'devcheck.camera.resolution': 'Resolution',
  'devcheck.camera.fps': 'Frames per second',
  'devcheck.camera.decoder': 'QR reader',
  'devcheck.camera.lowRes': 'The camera gives only {size}: name tags must be held closer. 1280×720 is better.',
  'devcheck.decoder.loading': 'loading…',
  'devcheck.decoder.ready': 'ready',
  'devcheck.decoder.failed': 'failed to load',
  'devcheck.read.waiting': 'Waiting for a QR code in front of the camera…',
  'devcheck.read.test': 'Test code read: the camera and the QR reader work.',
  'devcheck.read.other': 'QR code read ({text}): the camera and the QR reader work.',
  'devcheck.printer.title': 'Printer',
  'devcheck.printer.hint':
    'Print the test page, then measure its line with a ruler: it must be exactly 100 mm. The QR code on that page is for the camera test above. For name tags, also calibrate on the Name tags screen.',
  'devcheck.sound.title': 'Sound',
  'devcheck.sound.hint': 'The sounds the check-in desk plays for each scan result.',
  'devcheck.sound.green': 'Present (green)',
  'devcheck.sound.amber': 'Already recorded (amber)',
  'devcheck.sound.red': 'Refused (red)',
  'devcheck.sound.played': 'Played: {tone}. Heard nothing? Check the laptop’s volume and speakers.',
  'workerNotice.text':
    'The background worker could not start: imports, name tags, certificates and reports run on the main thread, so the screens slow down meanwhile. Your data is safe. Restart Hadir; if it happens again, send the log to your IT person.',
};
