import type { eventTransferId } from './event-transfer.id';

// Event file import refusals, English. Same keys as event-transfer.id.ts.
export const eventTransferEn: Record<keyof typeof eventTransferId, string> = {
  'error.event_file_invalid.certificateNumber':
    'Certificate number {certificateNumber} is already given to another person on this kiosk: the two copies of the event issued certificates independently. Nothing was saved.',
  'error.event_file_invalid.replacedCode':
    'This event file would make the replaced badge {replacedCode} valid again. Nothing was saved.',
  'error.event_file_invalid.unpackedMax':
    'Event file refused: it unpacks to more than {unpackedMax} MB, which no Hadir kiosk writes. Nothing was saved.',
  'error.event_file_invalid.rowsMax':
    'Event file refused: it holds more than {rowsMax} rows, which no Hadir kiosk writes. Nothing was saved.',
  'error.event_file_invalid.tooManyRows':
    'Event file refused: table {tooManyRows} holds more than {max} rows. Nothing was saved.',
  'error.event_file_invalid.tooSlow': 'The event file could not be read within {tooSlow} seconds. Nothing was saved.',
  'error.event_file_invalid.tooBig': 'The event file needs more memory to read than the kiosk allows. Nothing was saved.',
  'error.event_file_invalid.invalidValue': 'Event file refused: invalid value at {invalidValue} ({rule}). Nothing was saved.',
  'error.event_file_invalid.unknownColumn':
    'Event file refused: unknown column "{unknownColumn}" in table {table}. Nothing was saved.',
  'error.event_file_invalid.unknownTable': 'Event file refused: unknown table "{unknownTable}". Nothing was saved.',
  'error.event_file_invalid.duplicate': 'Event file refused: {duplicate} appears twice. Nothing was saved.',
  'error.event_file_invalid.keyPair':
    'Event file refused: its certificate signing key is damaged (the public key does not match the private key). Nothing was saved.',
};
