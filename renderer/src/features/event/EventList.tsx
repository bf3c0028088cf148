import type { EventSummary, HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { dateRange } from '../../i18n/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DemoTag } from '../../components/DemoMark';
import { useAction, useOp } from '../../hooks/useOp';

/**
 * The events this kiosk has run: open another one at this desk, archive a finished one, or start
 * a new one. Opening is this desk's choice alone: other desks stay on their event.
 */
export function EventList({
  currentId,
  onOpened,
  onChanged,
  onNew,
}: {
  /** The event open at this desk. */
  currentId: number;
  onOpened: (e: HadirEvent) => void;
  /** The open event itself changed (archived or taken out of the archive). */
  onChanged: (e: HadirEvent) => void;
  onNew: () => void;
}) {
  const { t, lang } = useI18n();
  const list = useOp<EventSummary[]>(() => api('event.list', {}), []);
  const events = list.data;
  const open = useAction(async (eventId: number) => {
    const e = await api('event.get', { eventId });
    if (e) onOpened(e);
  });
  const archive = useAction(async (id: number, archived: boolean) => {
    const e = await api('event.archive', { id, archived });
    if (id === currentId) onChanged(e);
    list.reload();
  });

  return (
    <section className="card narrow">
      <div className="card-head">
        <h2>{t('events.title')}</h2>
        <button className="btn btn-secondary" onClick={onNew}>
          {t('events.new')}
        </button>
      </div>
      <p className="muted small">{t('events.hint')}</p>
      <ErrorAlert error={open.error ?? archive.error ?? list.error} />
      <ul className="event-list">
        {events?.map((e) => (
          <li
            key={e.id}
            className={[e.id === currentId ? 'active' : '', e.archived ? 'archived' : '', e.demo ? 'demo' : ''].join(' ')}
          >
            <div>
              <div className="event-name">
                {e.demo && <DemoTag />}
                {e.name}
              </div>
              <div className="muted small">
                {[
                  e.city,
                  e.firstDay && e.lastDay ? dateRange(e.firstDay, e.lastDay, lang) : '',
                  t('event.participants', { n: e.participantCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </div>
            <div className="event-actions">
              {e.archived && <span className="badge badge-warn">{t('events.archived')}</span>}
              <button
                className="btn btn-small btn-ghost"
                disabled={archive.busy}
                onClick={() => void archive.run(e.id, !e.archived)}
              >
                {e.archived ? t('events.unarchive') : t('events.archive')}
              </button>
              {e.id === currentId ? (
                <span className="badge badge-ok">{t('events.here')}</span>
              ) : (
                <button className="btn btn-small" disabled={open.busy} onClick={() => void open.run(e.id)}>
                  {t('events.open')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
