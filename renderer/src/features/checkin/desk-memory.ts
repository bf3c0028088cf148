// What a desk keeps across screens and reloads (issue 16, defect 12): the day the operator chose
// and the check-in "Batalkan check-in terakhir" would take back. Kept per event and desk name in
// this browser profile (prefs.ts), so two desks in one browser keep their own.
import type { ScanOutcome } from '../../../../electron/shared/checkin';
import { readPref, writePref } from './prefs';

const key = (what: string, eventId: number, desk: string) => `${what}.${eventId}.${encodeURIComponent(desk)}`;

function readJson(name: string): unknown {
  const raw = readPref(name);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null; // written by another version, or edited by hand: forgotten, not a crash
  }
}

/**
 * The operator's day, if chosen today (`today`: the date in the event's zone). A choice made
 * yesterday is dropped: the next morning the desk follows the calendar again, as it did before
 * the choice was remembered.
 */
export function readDayChoice(eventId: number, desk: string, today: string): number | null {
  const v = readJson(key('day', eventId, desk)) as { day?: unknown; on?: unknown } | null;
  return v && v.on === today && Number.isInteger(v.day) ? (v.day as number) : null;
}

export function writeDayChoice(eventId: number, desk: string, today: string, day: number | null): void {
  writePref(key('day', eventId, desk), day === null ? null : JSON.stringify({ day, on: today }));
}

/**
 * The desk's last green check-in, for its undo button. Only what the button and the dialog show;
 * the undo itself is checked by the kiosk (checkin.undo refuses a check-in that no longer stands,
 * e.g. one another desk already took back).
 */
export function readLastGreen(eventId: number, desk: string): ScanOutcome | null {
  const v = readJson(key('undo', eventId, desk)) as ScanOutcome | null;
  const ok =
    v !== null &&
    typeof v === 'object' &&
    v.verdict === 'green' &&
    Number.isInteger(v.participant?.id) &&
    typeof v.participant?.name === 'string' &&
    Number.isInteger(v.day?.dayNo);
  return ok ? v : null;
}

export function writeLastGreen(eventId: number, desk: string, out: ScanOutcome | null): void {
  writePref(key('undo', eventId, desk), out === null ? null : JSON.stringify(out));
}
