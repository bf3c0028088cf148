import type { welcomeId } from './welcome.id';

// The welcome screen's "import an event file" and the demo event's marks, English. Same keys as welcome.id.ts.
export const welcomeEn: Record<keyof typeof welcomeId, string> = {
  'welcome.import.title': 'Already have an event file?',
  'welcome.import.body':
    'An event prepared on another laptop (a .hadir file from Event → Move an event to another laptop): participants, check-ins, certificates, logo and signing key come with it.',
  'welcome.import.button': 'Import an event file (.hadir)…',
  'welcome.import.busy': 'Importing…',
  'demo.tag': 'DEMO',
  'demo.tag.title': 'Demo event: sample data, not a real event',
  'demo.banner':
    'This is the DEMO event with 66 sample participants. Do not print name tags or certificates from it for a real event: create or import your own on the Event screen.',
};
