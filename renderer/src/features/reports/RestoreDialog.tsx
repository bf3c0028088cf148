// Restoring a backup: the app's own dialog (it was the browser's confirm(), which a kiosk in
// full-screen mode shows outside its look and language), then what the restore did, including
// the scans made after the backup that were carried into the restored data.
import { useState } from 'react';
import type { BackupPreview, RestoreOutcomeDto } from '../../../../electron/shared/backup';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';

export function RestoreDialog({
  preview,
  at,
  when,
  onClose,
  onRestored,
}: {
  preview: BackupPreview;
  /** When the backup was made (from the list), for the question. */
  at: string;
  when: (iso: string) => string;
  onClose: () => void;
  onRestored: (out: RestoreOutcomeDto) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<RestoreOutcomeDto | null>(null);

  async function restore() {
    setBusy(true);
    setFailure(null);
    try {
      const out = await api('backup.restore', { file: preview.file });
      setDone(out);
      onRestored(out);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Modal labelledBy="restore-done-title" onClose={onClose} className="restore-dialog">
        <h2 id="restore-done-title">{t('restore.done.title')}</h2>
        <p role="status">{t('restore.done.body')}</p>
        {done.keptAs && <p className="muted small">{t('restore.done.kept', { file: done.keptAs })}</p>}
        {done.carried.length === 0 ? (
          <p>{t('restore.done.carriedNone')}</p>
        ) : (
          <>
            <p>{t('restore.done.carried', { n: done.carried.length })}</p>
            <ul className="restore-carried" tabIndex={0} aria-label={t('restore.done.title')}>
              {done.carried.map((c) => (
                <li key={c.uuid}>
                  {when(c.scannedAt)} · {c.name ?? t('restore.done.unknown')} · {c.station}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="actions">
          <button className="btn btn-primary" onClick={onClose} data-autofocus>
            {t('restore.done.close')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal labelledBy="restore-title" onClose={busy ? () => {} : onClose} className="restore-dialog">
      <h2 id="restore-title">{t('restore.dialog.title')}</h2>
      <p>{t('restore.dialog.body', { when: when(at) })}</p>
      <p>
        <strong>{preview.events.join('; ')}</strong>
        <br />
        {t('restore.dialog.holds', { p: preview.participants, c: preview.checkins })}
      </p>
      <ErrorAlert error={failure} />
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </button>
        <button className="btn btn-primary" onClick={() => void restore()} disabled={busy}>
          {t('restore.dialog.confirm')}
        </button>
      </div>
    </Modal>
  );
}
