import type { EventDay } from '../../../../electron/shared/event';
import { useI18n } from '../../i18n';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';
import { shortDate } from '../../i18n/dates';

/**
 * Attendance as a sign-in sheet reads: one column per event day, headed "Hari 1 / Rab, 7 Sep",
 * holding "✓ 08.05" (present, with the first check-in time) or "–". Grey circles numbered 1 and 2
 * in one column left the organiser guessing which day was which and what grey meant.
 */
export function AttendanceHeads({ days }: { days: EventDay[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      {days.map((d) => (
        <th key={d.dayNo} className="c-day" scope="col">
          {t('common.day', { n: d.dayNo })}
          <span className="th-sub">{shortDate(d.date, lang)}</span>
        </th>
      ))}
    </>
  );
}

export function AttendanceCells({
  days,
  zone,
  presentAt,
}: {
  days: EventDay[];
  /** The event's zone: a check-in time reads the same here as at the desk and on the daftar hadir. */
  zone: TimeZone;
  presentAt: { dayNo: number; at: string }[];
}) {
  const { t, lang } = useI18n();
  return (
    <>
      {days.map((d) => {
        const seen = presentAt.find((x) => x.dayNo === d.dayNo);
        return (
          <td key={d.dayNo} className="c-day">
            {seen ? (
              <span className="present">
                <span aria-hidden>✓ </span>
                <span className="sr-only">{t('attendance.presentAt')} </span>
                {eventTime(seen.at, zone, lang)}
              </span>
            ) : (
              <span className="absent">
                <span aria-hidden>–</span>
                <span className="sr-only">{t('attendance.absent')}</span>
              </span>
            )}
          </td>
        );
      })}
    </>
  );
}
