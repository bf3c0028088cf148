// The kiosk's "open to other desks" switch (issue 19, item 1), English. Same keys as hub-switch.id.ts.
import type { hubSwitchId } from './hub-switch.id';

export const hubSwitchEn: Record<keyof typeof hubSwitchId, string> = {
  'hubSwitch.title': 'Open to other desks',
  'hubSwitch.on': 'Open',
  'hubSwitch.off': 'Closed',
  'hubSwitch.busy': 'One moment…',
  'hubSwitch.isOff':
    'Only this laptop records attendance. Turn it on to make phones and laptops on the venue network check-in desks (HTTPS, with an access key).',
  'hubSwitch.isOn':
    'Other desks join by scanning the code below. It stays open after the kiosk restarts, until it is turned off here.',
  'hubSwitch.close': 'Close to other desks',
  'hubSwitch.close.confirm':
    'Every other desk is dropped (connected now: {n}) and cannot join again until it is opened again with a new key. Continue?',
  'hubSwitch.close.yes': 'Yes, close',
  'hubSwitch.close.no': 'Cancel',
  'hubSwitch.fixed':
    'This host was opened to other desks from the command line (--host). Stop it with Ctrl+C in its command window.',
  'error.conflict.hubNoNetwork': 'This laptop is on no network. Join the venue Wi-Fi or cable, then turn it on again.',
  'error.conflict.hubPortInUse': 'Port {hubPortInUse} is already in use by another program.',
  'error.conflict.hubPortDenied': 'Port {hubPortDenied} needs administrator rights.',
  'error.conflict.hubListen': 'Cannot open port {hubListen} for other desks.',
  'error.conflict.hubUnavailable': 'Opening to other desks works from the kiosk or the web host only.',
  'error.conflict.hubClosed': 'Not open to other desks.',
  'error.conflict.hubFixed': 'This host was opened from the command line (--host): stop it with Ctrl+C.',
  'error.forbidden.hubLaptopOnly': 'Only on the hub laptop itself.',
};
