// The hub screen and live desks (issue 19), English. Spread into en.ts; the same keys as hub.id.ts.
import type { hubId } from './hub.id';

export const hubEn: Record<keyof typeof hubId, string> = {
  'nav.hub': 'Other desks',
  'hub.title': 'Other desks on the venue network',
  'hub.scan':
    "Scan this code with a phone's camera (or open the address on another laptop) to open a check-in desk. The address holds the access key: show it to desk staff only.",
  'hub.address': 'Desk address',
  'hub.key': 'Access key',
  'hub.liveDesks': 'Desks connected now: {n}',
  'hub.newKey': 'New key',
  'hub.newKey.confirm': 'Every other desk is dropped and must scan the new code. Continue?',
  'hub.newKey.yes': 'Yes, make a new key',
  'hub.newKey.no': 'Cancel',
  'hub.newKey.done': 'New key made. Every other desk was dropped; scan the code above to join again.',
  'hub.cert.title': "The hub's certificate (HTTPS)",
  'hub.cert.intro':
    'Desks use HTTPS because browsers give a camera to secure addresses only. The browser warns once ("Your connection is not private"): choose Advanced → Proceed. To stop the warning, install the hub\'s certificate on the desk\'s device.',
  'hub.cert.download': 'Download the certificate (hadir-hub.crt)',
  'hub.cert.at': "On the desk's device, download it from: {url}",
  'hub.cert.fingerprint': 'SHA-256 fingerprint (compare it on the device before installing):',
  'hub.cert.android':
    'Android: download the file, then Settings → Security → Encryption & credentials → Install a certificate → CA certificate → choose hadir-hub.crt.',
  'hub.cert.ios':
    'iPhone/iPad: open the download address in Safari → Allow; Settings → Profile Downloaded → Install; then Settings → General → About → Certificate Trust Settings → turn on "Hadir hub".',
  'hub.cert.windows':
    'Windows: open the file → Install Certificate → Current User → Place all certificates in: Trusted Root Certification Authorities → Finish; close and reopen the browser.',
  'hub.notHere': 'This screen is only on the hub laptop itself (http://127.0.0.1:…).',
  'hub.qrAlt': 'QR code of the desk address {url}',
  'outbox.title': 'Present — not sent yet',
  'outbox.line': 'Kept on this desk and sent as soon as the hub can be reached; not recorded yet. Code {code}.',
  'outbox.offline': 'The hub cannot be reached. Scans waiting to be sent: {n}. The desk keeps working; do not close this page.',
  'outbox.back': 'The hub is back: every scan has been sent.',
  'outbox.unknown': 'Not in the list this desk keeps: the hub checks it when it arrives.',
  'hub.desks.title': 'Desks seen since the hub started',
  'hub.desks.none': 'No other desk has recorded anything yet.',
  'hub.desks.name': 'Desk',
  'hub.desks.address': 'Address',
  'hub.desks.last': 'Last contact',
};
