import { useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { EventForm } from '../event/EventForm';

/** First start: create the event, or open the demo (the 2022 PSM training in Lampung). */
export function SetupScreen({ onCreated, onCancel }: { onCreated: (e: HadirEvent) => void; onCancel?: () => void }) {
  const { t, te } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function demo() {
    setBusy(true);
    try {
      onCreated(await api('event.createDemo', {}));
    } catch (e) {
      setFailure(te(e));
      setBusy(false);
    }
  }

  return (
    <div className="setup">
      <section className="setup-intro">
        {onCancel && (
          <button className="btn btn-link" onClick={onCancel}>
            ← {t('common.back')}
          </button>
        )}
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.lead')}</p>
      </section>
      <div className="setup-grid">
        <section className="card">
          <h2>{t('setup.new')}</h2>
          <EventForm submitLabel={t('setup.create')} onSubmit={async (input) => onCreated(await api('event.create', input))} />
        </section>
        <aside className="card card-accent">
          <h2>{t('setup.demo.title')}</h2>
          <p>{t('setup.demo.body')}</p>
          {failure && <div className="alert alert-error">{failure}</div>}
          <button className="btn btn-secondary" onClick={demo} disabled={busy}>
            {busy ? t('common.loading') : t('setup.demo.button')}
          </button>
        </aside>
      </div>
    </div>
  );
}
