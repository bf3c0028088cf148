// The smoke list of issue 17, in its order: what `npm run smoke` checks on a laptop that has
// Electron (tests/electron/smoke.spec.ts, one test per step, same titles), and what it prints
// where Electron is absent, so the person knows what was not checked. docs/it.md has the
// two-minute checklist built on it.
export const SMOKE_STEPS = [
  [
    '01 start',
    'the packaged app starts with its fuses (run-as-node off, asar only, asar integrity on) and shows the set-up screen',
  ],
  ['02 database', 'the database opens, with better-sqlite3 loaded from app.asar.unpacked'],
  ['03 worker', 'a CSV import, name tags and a certificate batch run in the job worker (no fallback)'],
  ['04 print desk', 'the test page prints silently to the desk printer (a PDF printer) while in kiosk mode'],
  ['05 print formats', 'an A4 landscape certificate and a 62 mm roll label print silently'],
  ['06 print dialog', 'the print dialog opens in front of the kiosk window: Print once, then Cancel once ("not printed")'],
  ['07 camera', 'the camera gives frames to the decoder without a permission prompt'],
  ['08 sound', 'a verdict sound plays without a click'],
  ['09 save dialog', 'the save dialog saves a PDF, and "show in folder" opens its folder'],
  ['10 kiosk exit', 'leaving kiosk mode asks for the organiser PIN; a wrong PIN keeps it; Alt+F4 does not close the kiosk'],
  ['11 crash', 'a crashed page is loaded again by itself'],
  ['12 backup on quit', 'quitting the app writes a backup'],
];
