import { useState, type FormEvent } from 'react';
import { eventInput, type EventInput, type HadirEvent } from '../../../../electron/shared/event';
import { Field } from '../../components/Field';
import { fieldErrors } from '../../components/zod-errors';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

type Draft = Omit<EventInput, 'days'> & { days: string[] };

const empty: Draft = {
  name: '',
  organiser: '',
  venue: '',
  city: '',
  days: [''],
  signatoryName: '',
  signatoryTitle: '',
  signatoryNip: '',
};

const fromEvent = (e: HadirEvent): Draft => ({
  name: e.name,
  organiser: e.organiser,
  venue: e.venue,
  city: e.city,
  days: e.days.map((d) => d.date),
  signatoryName: e.signatoryName,
  signatoryTitle: e.signatoryTitle,
  signatoryNip: e.signatoryNip,
});

/**
 * The event's details: checked here with the same zod schema the host uses (messages in the UI
 * language), then sent; the host's verdict is shown too, in case it disagrees.
 */
export function EventForm({
  event,
  submitLabel,
  onSubmit,
}: {
  event?: HadirEvent;
  submitLabel: string;
  onSubmit: (e: EventInput) => Promise<void>;
}) {
  const { t, tz, lang } = useI18n();
  const [d, setD] = useState<Draft>(event ? fromEvent(event) : empty);
  // After the first submit, errors follow every keystroke and the language switch.
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const check = (draft: Draft) => eventInput.safeParse({ ...draft, days: draft.days.filter((x) => x.trim() !== '') });
  const result = attempted ? check(d) : null;
  const errors = result && !result.success ? fieldErrors(result.error, d, tz, t('common.required')) : {};
  const set = (k: keyof Draft) => (ev: { target: { value: string } }) => setD({ ...d, [k]: ev.target.value });

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setFailure(null);
    setAttempted(true);
    const parsed = check(d);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="grid-2">
        <Field label={t('event.name')} error={errors.name} wide>
          <input name="name" value={d.name} onChange={set('name')} placeholder={t('event.name.ph')} />
        </Field>
        <Field label={t('event.organiser')} error={errors.organiser}>
          <input name="organiser" value={d.organiser} onChange={set('organiser')} placeholder={t('event.organiser.ph')} />
        </Field>
        <Field label={t('event.venue')} error={errors.venue}>
          <input name="venue" value={d.venue} onChange={set('venue')} placeholder={t('event.venue.ph')} />
        </Field>
        <Field label={t('event.city')} error={errors.city}>
          <input name="city" value={d.city} onChange={set('city')} />
        </Field>
        <fieldset className="field days">
          <legend className="field-label">{t('event.days')}</legend>
          {d.days.map((day, i) => (
            <div className="day-row" key={i}>
              <span className="day-no">{t('common.day', { n: i + 1 })}</span>
              <input
                type="date"
                name={`day-${i + 1}`}
                value={day}
                onChange={(ev) => setD({ ...d, days: d.days.map((x, j) => (j === i ? ev.target.value : x)) })}
              />
              {/* The date input follows the OS locale, where 09/07/2022 is ambiguous: spell the day out. */}
              <span className="day-long">{longDate(day, lang)}</span>
              {d.days.length > 1 && (
                <button
                  type="button"
                  className="btn btn-icon"
                  aria-label={t('event.removeDay')}
                  title={t('event.removeDay')}
                  onClick={() => setD({ ...d, days: d.days.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              )}
            </div>
          ))}
          <button type="button" className="btn btn-link" onClick={() => setD({ ...d, days: [...d.days, ''] })}>
            {t('event.addDay')}
          </button>
          {errors.days && (
            <span className="field-error" role="alert">
              {errors.days}
            </span>
          )}
        </fieldset>
      </div>
      <h3 className="form-section">{t('event.signatory')}</h3>
      <div className="grid-2">
        <Field label={t('event.signatoryName')} error={errors.signatoryName}>
          <input name="signatoryName" value={d.signatoryName} onChange={set('signatoryName')} />
        </Field>
        <Field label={t('event.signatoryNip')} error={errors.signatoryNip} hint={t('event.signatoryNip.hint')}>
          <input name="signatoryNip" inputMode="numeric" value={d.signatoryNip} onChange={set('signatoryNip')} />
        </Field>
        <Field label={t('event.signatoryTitle')} error={errors.signatoryTitle} wide>
          <input name="signatoryTitle" value={d.signatoryTitle} onChange={set('signatoryTitle')} />
        </Field>
      </div>
      <ErrorAlert error={failure} />
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
