import { useState, type FormEvent } from 'react';
import './programme.css';
import { eventInput, type EventInput, type HadirEvent } from '../../../../electron/shared/event';
import { Field } from '../../components/Field';
import { fieldErrors } from '../../components/zod-errors';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDay, parseDay } from './day-text';
import { useAction } from '../../hooks/useOp';
import { TIME_ZONES, ZONE_LABEL, type TimeZone } from '../../../../electron/shared/time-zone';
import { useSessionPeople } from './useSessionPeople';
import { FileButton } from '../../components/FileButton';
import { api } from '../../api';

/** Days are kept as typed ("07/09/2022") and read when checked; so are the programme's hours. */
type Draft = Omit<EventInput, 'days' | 'programme'> & { days: string[]; programme: ProgrammeDraft[] };
interface ProgrammeDraft {
  material: string;
  jp: string;
  speaker: string;
  moderator: string;
}

const empty: Draft = {
  name: '',
  organiser: '',
  venue: '',
  city: '',
  days: [''],
  signatoryName: '',
  signatoryTitle: '',
  signatoryNip: '',
  signatoryRank: '',
  programme: [],
  timeZone: 'Asia/Jakarta',
};

const fromEvent = (e: HadirEvent): Draft => ({
  name: e.name,
  organiser: e.organiser,
  venue: e.venue,
  city: e.city,
  days: e.days.map((d) => formatDay(d.date)),
  signatoryName: e.signatoryName,
  signatoryTitle: e.signatoryTitle,
  signatoryNip: e.signatoryNip,
  signatoryRank: e.signatoryRank,
  programme: e.programme.map((p) => ({ material: p.material, jp: String(p.jp), speaker: p.speaker, moderator: p.moderator })),
  timeZone: e.timeZone,
});

/** "3" -> 3; anything else stays text, so the schema refuses it with a message. */
const jpOf = (s: string): number | string => (/^\s*\d+\s*$/.test(s) ? Number(s) : s);

/**
 * The event's details: checked here with the same zod schema the host uses (messages in the UI
 * language), then sent; the host's verdict is shown too, in case it disagrees.
 * Every day row must hold a date: an empty row added by mistake is refused with a message, never
 * dropped silently.
 */
export function EventForm({
  event,
  submitLabel,
  savedText,
  headingLevel = 3,
  onSubmit,
}: {
  event?: HadirEvent;
  submitLabel: string;
  /** Shown beside the button after a successful save: where the organiser is looking. */
  savedText?: string;
  /** The level of the signatory heading: below the card's own heading (h2 on setup, h1 on the event screen). */
  headingLevel?: 2 | 3;
  onSubmit: (e: EventInput) => Promise<void>;
}) {
  const { t, tz, lang } = useI18n();
  const [d, setD] = useState<Draft>(event ? fromEvent(event) : empty);
  // Speakers and moderators are chosen from the participants registered in those roles (typed
  // names are kept as typed: a guest speaker need not be registered).
  const sessionPeople = useSessionPeople(event);
  // A programme file fills the rows; the organiser checks them and saves (nothing saved here).
  const [fileNote, setFileNote] = useState<string | null>(null);
  const fromFile = useAction(async (file: File) => {
    const items = await api('payments.programmeFile', { bytes: new Uint8Array(await file.arrayBuffer()) });
    setSaved(false);
    setD((cur) => ({ ...cur, programme: items.map((p) => ({ material: p.material, jp: String(p.jp), speaker: p.speaker, moderator: p.moderator })) }));
    setFileNote(t('event.programme.fileDone', { n: items.length }));
  });
  // After the first submit, errors follow every keystroke and the language switch.
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useAction(async (input: EventInput) => {
    await onSubmit(input);
    setSaved(true);
  });
  const days = d.days.map(parseDay);
  const dayErrors = days.map((p) => ('error' in p ? t(`event.day.${p.error}`) : null));
  const check = (draft: Draft) =>
    eventInput.safeParse({
      ...draft,
      days: days.map((p) => ('iso' in p ? p.iso : '')),
      programme: draft.programme.map((p) => ({ ...p, jp: jpOf(p.jp) })),
    });
  const setItem = (i: number, k: keyof ProgrammeDraft, v: string) => (
    setSaved(false),
    setD({ ...d, programme: d.programme.map((p, j) => (j === i ? { ...p, [k]: v } : p)) })
  );
  const totalJp = d.programme.reduce((s, p) => s + (Number(p.jp) || 0), 0);
  const result = attempted ? check(d) : null;
  const errors = result && !result.success ? fieldErrors(result.error, d, tz, t('common.required')) : {};
  // The programme's rows: one message per cell ("programme.2.jp").
  const progErrors: Record<string, string> = {};
  if (result && !result.success) {
    for (const i of result.error.issues) {
      if (i.path[0] !== 'programme' || i.path.length < 3) continue;
      const key = `programme.${String(i.path[1])}.${String(i.path[2])}`;
      const empty = d.programme[Number(i.path[1])]?.[i.path[2] as keyof ProgrammeDraft] === '';
      progErrors[key] ??= empty ? t('common.required') : tz(i.message);
    }
  }
  const set = (k: keyof Draft) => (ev: { target: { value: string } }) => (setSaved(false), setD({ ...d, [k]: ev.target.value }));
  const setDay = (i: number, text: string) => (setSaved(false), setD({ ...d, days: d.days.map((x, j) => (j === i ? text : x)) }));
  const Section = `h${headingLevel}` as const;

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    setAttempted(true);
    const parsed = check(d);
    if (parsed.success && !dayErrors.some(Boolean)) void save.run(parsed.data);
    else save.clear();
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
        <Field label={t('event.timeZone')} hint={t('event.timeZone.hint')}>
          <select
            name="timeZone"
            value={d.timeZone}
            onChange={(e) => (setSaved(false), setD({ ...d, timeZone: e.target.value as TimeZone }))}
          >
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {t(`event.timeZone.${ZONE_LABEL[z]}` as 'event.timeZone.WIB')}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field days">
          <legend className="field-label">{t('event.days')}</legend>
          <span className="field-hint" id="days-hint">
            {t('event.day.hint')}
          </span>
          {d.days.map((day, i) => {
            const parsed = days[i]!;
            const rowError = attempted ? dayErrors[i] : null;
            return (
              <div className={`day-row${rowError ? ' field-invalid' : ''}`} key={i}>
                <label className="day-no" htmlFor={`day-${i + 1}`}>
                  {t('common.day', { n: i + 1 })}
                </label>
                <input
                  id={`day-${i + 1}`}
                  name={`day-${i + 1}`}
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={t('event.day.placeholder')}
                  aria-describedby={`days-hint day-${i + 1}-read`}
                  aria-invalid={rowError ? true : undefined}
                  value={day}
                  onChange={(ev) => setDay(i, ev.target.value)}
                />
                {/* Read back in words, so a date typed the wrong way round shows at once. */}
                <span
                  className={rowError ? 'field-error' : 'day-long'}
                  id={`day-${i + 1}-read`}
                  role={rowError ? 'alert' : undefined}
                >
                  {rowError ?? ('iso' in parsed ? longDate(parsed.iso, lang) : '')}
                </span>
                {d.days.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-icon"
                    aria-label={t('event.removeDay', { n: i + 1 })}
                    title={t('event.removeDay', { n: i + 1 })}
                    onClick={() => (setSaved(false), setD({ ...d, days: d.days.filter((_, j) => j !== i) }))}
                  >
                    ×
                  </button>
                )}
              </div>
            );
          })}
          <button type="button" className="btn btn-link" onClick={() => (setSaved(false), setD({ ...d, days: [...d.days, ''] }))}>
            {t('event.addDay')}
          </button>
          {errors.days && !dayErrors.some(Boolean) && (
            <span className="field-error" role="alert">
              {errors.days}
            </span>
          )}
        </fieldset>
      </div>
      <Section className="form-section">{t('event.signatory')}</Section>
      <div className="grid-2">
        <Field label={t('event.signatoryName')} error={errors.signatoryName}>
          <input name="signatoryName" value={d.signatoryName} onChange={set('signatoryName')} />
        </Field>
        <Field label={t('event.signatoryNip')} error={errors.signatoryNip} hint={t('event.signatoryNip.hint')}>
          <input name="signatoryNip" inputMode="numeric" value={d.signatoryNip} onChange={set('signatoryNip')} />
        </Field>
        <Field label={t('event.signatoryTitle')} error={errors.signatoryTitle}>
          <input name="signatoryTitle" value={d.signatoryTitle} onChange={set('signatoryTitle')} />
        </Field>
        <Field label={t('event.signatoryRank')} error={errors.signatoryRank} hint={t('event.signatoryRank.hint')}>
          <input name="signatoryRank" value={d.signatoryRank ?? ''} onChange={set('signatoryRank')} />
        </Field>
      </div>
      <Section className="form-section">{t('event.programme')}</Section>
      <p className="field-hint">{t('event.programme.hint')}</p>
      {d.programme.length > 0 && (
        <table className="programme-table">
          <thead>
            <tr>
              <th scope="col">{t('event.programme.no')}</th>
              <th scope="col">{t('event.programme.material')}</th>
              <th scope="col">{t('event.programme.jp')}</th>
              <th scope="col">{t('event.programme.speaker')}</th>
              <th scope="col">{t('event.programme.moderator')}</th>
              {/* Named for screen readers: an empty header is an axe finding (issue 16, defect 10). */}
              <th scope="col">
                <span className="sr-only">{t('col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.programme.map((p, i) => {
              const err = (k: string) => progErrors[`programme.${i}.${k}`];
              return (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <input
                      aria-label={`${t('event.programme.material')} ${i + 1}`}
                      aria-invalid={err('material') ? true : undefined}
                      value={p.material}
                      onChange={(e) => setItem(i, 'material', e.target.value)}
                    />
                    {err('material') && <span className="field-error">{err('material')}</span>}
                  </td>
                  <td className="jp">
                    <input
                      aria-label={`${t('event.programme.jp')} ${i + 1}`}
                      inputMode="numeric"
                      aria-invalid={err('jp') ? true : undefined}
                      value={p.jp}
                      onChange={(e) => setItem(i, 'jp', e.target.value)}
                    />
                    {err('jp') && <span className="field-error">{err('jp')}</span>}
                  </td>
                  <td>
                    <input
                      aria-label={`${t('event.programme.speaker')} ${i + 1}`}
                      value={p.speaker}
                      list="session-speakers"
                      onChange={(e) => setItem(i, 'speaker', e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('event.programme.moderator')} ${i + 1}`}
                      value={p.moderator}
                      list="session-moderators"
                      onChange={(e) => setItem(i, 'moderator', e.target.value)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-icon"
                      aria-label={t('event.programme.remove', { n: i + 1 })}
                      title={t('event.programme.remove', { n: i + 1 })}
                      onClick={() => (setSaved(false), setD({ ...d, programme: d.programme.filter((_, j) => j !== i) }))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">{t('event.programme.total')}</th>
              <td className="num" data-testid="programme-total">
                {totalJp}
              </td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      )}
      {d.programme.length > 0 && <p className="field-hint">{t('event.programme.peopleHint')}</p>}
      <datalist id="session-speakers">
        {sessionPeople.speakers.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="session-moderators">
        {sessionPeople.moderators.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <button
        type="button"
        className="btn btn-link"
        onClick={() => (setSaved(false), setD({ ...d, programme: [...d.programme, { material: '', jp: '', speaker: '', moderator: '' }] }))}
      >
        {t('event.programme.add')}
      </button>
      <div className="actions">
        <FileButton
          accept=".csv,.txt,text/csv"
          label={t('event.programme.file')}
          disabled={fromFile.busy}
          testId="programme-file"
          onFile={(f) => (setFileNote(null), void fromFile.run(f))}
        />
        {fileNote && (
          <span className="saved-note" role="status">
            {fileNote}
          </span>
        )}
      </div>
      <ErrorAlert error={fromFile.error} />
      <ErrorAlert error={save.error} />
      <div className="actions">
        {saved && savedText && (
          <span className="saved-note" role="status" data-testid="saved-note">
            ✓ {savedText}
          </span>
        )}
        <button className="btn btn-primary" type="submit" disabled={save.busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
