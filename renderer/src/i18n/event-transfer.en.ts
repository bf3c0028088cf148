import type { eventTransferId } from './event-transfer.id';

// Event file import refusals, English. Same keys as event-transfer.id.ts.
export const eventTransferEn: Record<keyof typeof eventTransferId, string> = {
  'error.event_file_invalid.certificateNumber':
    'Certificate number {certificateNumber} is already given to another person on this kiosk: the two copies of the event issued certificates independently. Nothing was saved.',
  'error.event_file_invalid.replacedCode':
    'This event file would make the replaced badge {replacedCode} valid again. Nothing was saved.',
};
