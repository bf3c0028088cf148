import { useI18n } from '../i18n';
import { useWorkerFallback } from '../worker-notice';

/** Shown on every screen once the host's job worker failed to start (worker-notice.ts). */
export function WorkerNotice() {
  const { t } = useI18n();
  if (!useWorkerFallback()) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="worker-notice">
      {t('workerNotice.text')}
    </div>
  );
}
