import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { accessKeyProblem } from '../shared/access-key';

/**
 * Whether the kiosk's "Buka untuk meja lain" switch was on, with its port and key, kept in the
 * data folder (beside tls/ and hub-desks.json: the hub belongs to the laptop, not to an event,
 * so a backup restore or an event-file merge neither turns it on nor off).
 *
 * On while the kiosk stops (a crash, a restart, a flat battery in the middle of the morning): it
 * opens again at start on the same port with the same key, so every desk (its bookmark, its token
 * in hub-desks.json, its outbox) carries on without scanning the code again. Off: it stays off,
 * and the key is forgotten (the next "on" makes a new one: a desk from last week gets nothing).
 * The key sits in a file readable by this user only, in the folder that already holds the whole
 * database: it gives nothing the folder does not.
 */
export const HUB_SWITCH_FILE = 'hub-switch.json';
export const hubSwitchFile = (dataDir: string) => path.join(dataDir, HUB_SWITCH_FILE);

const saved = z.object({
  version: z.literal(1),
  open: z.boolean(),
  port: z.number().int().min(1).max(65535).optional(),
  key: z
    .string()
    .refine((k) => accessKeyProblem(k) === null)
    .optional(),
});
export type SwitchState = z.infer<typeof saved>;

/** The kept state; a missing or damaged file is "off" (the organiser turns it on again). */
export function readSwitch(file: string): SwitchState {
  try {
    const parsed = saved.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or not JSON: off
  }
  return { version: 1, open: false };
}

/** Written whole or not at all (a temporary file renamed over the old one), readable by this user only. */
export function writeSwitch(file: string, state: SwitchState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
