import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { EventForm } from '../event/EventForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useOp';

/** First start: create the event, or open the demo (the 2022 PSM training in Lampung). */
export function SetupScreen({
  desk,
  onCreated,
  onCancel,
}: {
  /** The desk creating it, for the audit log; the new event becomes this desk's. */
  desk: string;
  onCreated: (e: HadirEvent) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  // The error is kept, not its text: it is worded when drawn, so a language switch rewords it.
  const demo = useAction(async () => onCreated(await api('event.createDemo', { desk })));

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
          <EventForm
            submitLabel={t('setup.create')}
            onSubmit={async (input) => onCreated(await api('event.create', { ...input, desk }))}
          />
        </section>
        <aside className="card card-accent">
          <h2>{t('setup.demo.title')}</h2>
          <p>{t('setup.demo.body')}</p>
          <ErrorAlert error={demo.error} />
          <button className="btn btn-secondary" onClick={() => void demo.run()} disabled={demo.busy}>
            {demo.busy ? t('common.loading') : t('setup.demo.button')}
          </button>
        </aside>
      </div>
    </div>
  );
}
