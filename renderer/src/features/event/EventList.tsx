import type { EventSummary, HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { dateRange } from '../../i18n/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useOp } from '../../hooks/useOp';

/** The events this kiosk has run: open another one, or start a new one. */
export function EventList({ onOpened, onNew }: { onOpened: (e: HadirEvent) => void; onNew: () => void }) {
  const { t, lang } = useI18n();
  const list = useOp<EventSummary[]>(() => api('event.list', {}), []);
  const events = list.data;
  const open = useAction(async (id: number) => onOpened(await api('event.activate', { id })));

  return (
    <section className="card narrow">
      <div className="card-head">
        <h2>{t('events.title')}</h2>
        <button className="btn btn-secondary" onClick={onNew}>
          {t('events.new')}
        </button>
      </div>
      <ErrorAlert error={open.error ?? list.error} />
      <ul className="event-list">
        {events?.map((e) => (
          <li key={e.id} className={e.active ? 'active' : ''}>
            <div>
              <div className="event-name">{e.name}</div>
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
            {e.active ? (
              <span className="badge badge-ok">{t('events.active')}</span>
            ) : (
              <button className="btn btn-small" disabled={open.busy} onClick={() => void open.run(e.id)}>
                {t('events.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
