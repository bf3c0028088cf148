/**
 * The device check's verdicts (`hadir doctor`, the "Cek perangkat" screen): one entry per check,
 * in the order the organiser walks through them. Plain types only: shared by core, CLI and renderer.
 */
/**
 * What the QR on the printer test page says (core/system/test-page.ts): the device check's camera
 * test reads it, so one printed page tests the printer and then the webcam and its decoder.
 */
export const CAMERA_TEST_CODE = 'HADIR:CEK-KAMERA';

export type CheckState = 'ok' | 'warn' | 'fail';
export type CheckName = 'database' | 'disk' | 'backup' | 'worker' | 'clock';

export interface CheckResult {
  check: CheckName;
  state: CheckState;
  /** One sentence, Bahasa Indonesia / English: what is wrong and what to do. */
  message: string;
}

export interface DoctorReport {
  /** False when any check fails (warnings pass): `hadir doctor` exits 1 then. */
  ok: boolean;
  dataDir: string;
  checks: CheckResult[];
}

/**
 * The sentence in one language. Every message is "Indonesian / English" (tests/unit/doctor.test.ts
 * holds each to exactly one separator); if a measured detail ever brings a second one, the whole
 * bilingual sentence is shown rather than half of it.
 */
export function checkMessage(message: string, lang: 'id' | 'en'): string {
  const parts = message.split(' / ');
  return parts.length === 2 ? parts[lang === 'id' ? 0 : 1]! : message;
}
