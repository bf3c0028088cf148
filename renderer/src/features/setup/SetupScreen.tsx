import type { HadirEvent } from '../../../../electron/shared/event';
import { MAX_UPLOAD_BYTES } from '../../../../electron/shared/file';
import { api, fileBytes } from '../../api';
import { useI18n } from '../../i18n';
import { EventForm } from '../event/EventForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileButton } from '../../components/FileButton';
import { DemoTag } from '../../components/DemoMark';
import { useAction } from '../../hooks/useOp';

/**
 * First start: create the event, take an event file made on another laptop, or open the demo
 * (the 2022 PSM training in Lampung). The file comes before the demo: on a fresh laptop at the
 * venue, the real event usually already exists elsewhere.
 */
export function SetupScreen({
  desk,
  onCreated,
  onCancel,
  onDeviceCheck,
}: {
  /** The desk creating it, for the audit log; the new event becomes this desk's. */
  desk: string;
  onCreated: (e: HadirEvent) => void;
  onCancel?: () => void;
  /** Opens "Cek perangkat": worth doing before the first event is even made. */
  onDeviceCheck: () => void;
}) {
  const { t } = useI18n();
  // The error is kept, not its text: it is worded when drawn, so a language switch rewords it.
  const demo = useAction(async () => onCreated(await api('event.createDemo', { desk })));
  // The same operation as the event screen's transfer card, always as a new event; it then becomes
  // the kiosk's default, as a created event does.
  const imp = useAction(async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      throw { error: { code: 'event_file_invalid', message: '', params: { detail: 'bytes', bytes: file.size } } };
    }
    const out = await api('event.importFile', { bytes: await fileBytes(file), mode: 'new' });
    onCreated(await api('event.activate', { id: out.eventId }));
  });
  const busy = demo.busy || imp.busy;

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
        <div className="setup-side">
          <aside className="card card-accent" aria-labelledby="welcome-import-title">
            <h2 id="welcome-import-title">{t('welcome.import.title')}</h2>
            <p>{t('welcome.import.body')}</p>
            <ErrorAlert error={imp.error} />
            <FileButton
              accept=".hadir,application/octet-stream"
              label={imp.busy ? t('welcome.import.busy') : t('welcome.import.button')}
              disabled={busy}
              testId="welcome-import-file"
              className="btn btn-primary"
              onFile={(f) => void imp.run(f)}
            />
          </aside>
          <aside className="card card-demo" aria-labelledby="welcome-demo-title">
            <h2 id="welcome-demo-title">
              <DemoTag /> {t('setup.demo.title')}
            </h2>
            <p>{t('setup.demo.body')}</p>
            <ErrorAlert error={demo.error} />
            <button className="btn btn-secondary" onClick={() => void demo.run()} disabled={busy}>
              {demo.busy ? t('common.loading') : t('setup.demo.button')}
            </button>
          </aside>
          <aside className="card" aria-labelledby="welcome-devcheck-title">
            <h2 id="welcome-devcheck-title">{t('devcheck.welcome.title')}</h2>
            <p>{t('devcheck.welcome.body')}</p>
            <button className="btn" onClick={onDeviceCheck} disabled={busy}>
              {t('devcheck.welcome.button')}
            </button>
          </aside>
        </div>
      </div>
    </div>
  );
}
