import type { CheckinStats } from '../../../../electron/shared/checkin';
import type { HadirEvent } from '../../../../electron/shared/event';
import { ZONE_LABEL } from '../../../../electron/shared/time-zone';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';

/**
 * The day the desk records for, in large type (an operator must see at a glance that the desk is
 * on the right day), with the operator's override, and the sound switch (the desk's name is in the header).
 */
export function DayBar({
  event,
  stats,
  day,
  onDay,
  muted,
  onMuted,
}: {
  event: HadirEvent;
  stats: CheckinStats | null;
  day: number | null;
  onDay: (d: number | null) => void;
  muted: boolean;
  onMuted: (m: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const current = stats?.day ?? null;
  const zone = ZONE_LABEL[event.timeZone];
  return (
    <div className={`daybar${current ? '' : ' daybar-none'}`}>
      <div className="daybar-day" data-testid="checkin-day">
        {current ? (
          <>
            <span className="daybar-no">{t('common.day', { n: current.dayNo })}</span>
            <span className="daybar-date">{longDate(current.date, lang)}</span>
          </>
        ) : stats ? (
          <span className="daybar-no">{t('checkin.day.none', { date: longDate(stats.today, lang) })}</span>
        ) : null}
        {day !== null && <span className="badge-chip">{t('checkin.day.override')}</span>}
      </div>
      <label className="daybar-field">
        <span>{t('checkin.day.label')}</span>
        <select value={day ?? ''} onChange={(e) => onDay(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('checkin.day.auto', { zone })}</option>
          {event.days.map((d) => (
            <option key={d.dayNo} value={d.dayNo}>
              {t('checkin.day.option', { n: d.dayNo, date: longDate(d.date, lang) })}
            </option>
          ))}
        </select>
      </label>
      <button className="btn btn-secondary" aria-pressed={!muted} onClick={() => onMuted(!muted)}>
        {muted ? t('checkin.sound.off') : t('checkin.sound.on')}
      </button>
    </div>
  );
}
