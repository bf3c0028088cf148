import type { CheckinStats } from '../../../../electron/shared/checkin';
import type { HadirEvent } from '../../../../electron/shared/event';
import { localDate, ZONE_LABEL } from '../../../../electron/shared/time-zone';
import { useI18n } from '../../i18n';
import { useId, type ReactNode } from 'react';
import { longDate, shortDate } from '../../i18n/dates';

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
  // Without the hub's figures (a desk opened while the hub is unreachable) the day still shows,
  // from the event's own days and today's date in its zone: what the desk's scans count for.
  const current = stats ? stats.day : (eventDayAt(event, new Date()) ?? null);
  const zone = ZONE_LABEL[event.timeZone];
  const name = useId();
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
      {/* Radio buttons, not a list box: a list box picks an option by its first letter, so a
          scanner's "H" of "HD…" chose "Hari 2" while it had focus (issue 16, defect 3). Radios
          ignore letters; arrows still move between days. */}
      <fieldset className="daybar-field daybar-days" role="radiogroup" aria-label={t('checkin.day.label')}>
        <legend>{t('checkin.day.label')}</legend>
        <DayOption name={name} checked={day === null} onCheck={() => onDay(null)} title={t('checkin.day.auto', { zone })}>
          {t('checkin.day.auto.short')} <small>{zone}</small>
        </DayOption>
        {event.days.map((d) => (
          <DayOption
            key={d.dayNo}
            name={name}
            checked={day === d.dayNo}
            onCheck={() => onDay(d.dayNo)}
            title={t('checkin.day.option', { n: d.dayNo, date: longDate(d.date, lang) })}
          >
            {t('checkin.day.dayN', { n: d.dayNo })} <small>{shortDate(d.date, lang)}</small>
          </DayOption>
        ))}
      </fieldset>
      <button className="btn btn-secondary" aria-pressed={!muted} onClick={() => onMuted(!muted)}>
        {muted ? t('checkin.sound.off') : t('checkin.sound.on')}
      </button>
    </div>
  );
}

/** One day as a radio button drawn as a segment; its full name ("Hari 2 · Kamis, 8 September 2022") is its label. */
function DayOption({
  name,
  checked,
  onCheck,
  title,
  children,
}: {
  name: string;
  checked: boolean;
  onCheck: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <label className="day-option" title={title}>
      <input type="radio" name={name} checked={checked} onChange={onCheck} aria-label={title} />
      <span>{children}</span>
    </label>
  );
}

/** The event day that `at` falls on in the event's time zone, if any (the desk's own reckoning, without the hub). */
export function eventDayAt(event: HadirEvent, at: Date) {
  const date = localDate(at, event.timeZone);
  return event.days.find((d) => d.date === date);
}
