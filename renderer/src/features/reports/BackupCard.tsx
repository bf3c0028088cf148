// The backups: when the last one was made and where, one now, and restoring any of them after
// a preview of what it holds.
import { useState } from 'react';
import type { BackupPreview, BackupStatusDto } from '../../../../electron/shared/backup';
import { api, chooseFolder, shellCaps } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { RestoreDialog } from './RestoreDialog';
import { useLive } from './useLive';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';

/** `zone`: the open event's; a backup's time reads like every other time on screen (issue 16, defect 5). */
export function BackupCard({ zone }: { zone: TimeZone }) {
  const { t, lang } = useI18n();
  const live = useLive(() => api('backup.status', {}), [], 30_000);
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [preview, setPreview] = useState<(BackupPreview & { at: string }) | null>(null);
  // The app's own dialog asks before a restore, then says what it did (RestoreDialog).
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Where the copies go besides the data folder: chosen with the app's folder dialog. A desk in a
  // browser cannot (backup.setDir refuses the web host: a path on someone else's laptop).
  const canChoose = shellCaps().chooseFolder;
  const s = status ?? live.value;
  const when = (iso: string) => eventTime(iso, zone, lang, { date: true });

  async function act<T>(fn: () => Promise<T>, then: (v: T) => void) {
    setBusy(true);
    setError(null);
    try {
      then(await fn());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <ErrorAlert error={error ?? live.error} />
      {s && (
        <>
          <p>
            {s.last ? t('backup.last', { when: when(s.last.at) }) : t('backup.none')}{' '}
            <span className="muted">{t('backup.where', { dirs: [s.dataDirBackups, s.dir].filter(Boolean).join(' · ') })}</span>
          </p>
          {s.last?.clockBehind && (
            <p className="alert alert-warn" role="alert">
              {t('backup.clockBehind', { now: when(s.last.at), newest: when(s.last.clockBehind) })}
            </p>
          )}
          {s.last?.copies
            .filter((c) => c.error)
            .map((c) => (
              <p className="alert alert-error" role="alert" key={c.dir}>
                {t('backup.copyFailed', { dir: c.dir })}
              </p>
            ))}
          <div className="actions">
            <button className="btn btn-secondary" disabled={busy} onClick={() => act(() => api('backup.run', {}), setStatus)}>
              {t('backup.now')}
            </button>
            {canChoose && (
              <button
                className="btn btn-secondary"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    const dir = await chooseFolder(t('backup.chooseDir'));
                    return dir ? api('backup.setDir', { dir }) : s;
                  }, setStatus)
                }
              >
                {s.dir ? t('backup.changeDir') : t('backup.chooseDir')}
              </button>
            )}
            {s.dir && canChoose && (
              <button
                className="btn btn-ghost"
                disabled={busy}
                onClick={() => act(() => api('backup.setDir', { dir: null }), setStatus)}
              >
                {t('backup.clearDir')}
              </button>
            )}
          </div>
          {!canChoose && <p className="muted small">{t('backup.dirAtKiosk')}</p>}
          {s.backups.length > 0 && (
            <div className="table-wrap">
              <table className="table compact">
                <caption className="table-caption">{t('backup.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('backup.when')}</th>
                    <th scope="col">{t('backup.file')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('backup.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.backups.slice(0, 10).map((b) => (
                    <tr key={b.file}>
                      <td>{when(b.at)}</td>
                      <td className="mono small">{b.file}</td>
                      <td>
                        <button
                          className="btn btn-ghost btn-small"
                          disabled={busy}
                          onClick={() => act(() => api('backup.inspect', { file: b.file }), (p) => setPreview({ ...p, at: b.at }))}
                        >
                          {t('backup.preview')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview && (
            <div className="card-accent" role="region" aria-label={t('backup.preview')}>
              <p>
                <strong>{preview.events.join('; ')}</strong>
              </p>
              <p>
                {t('backup.holds', {
                  p: preview.participants,
                  c: preview.checkins,
                  last: preview.lastCheckinAt ? when(preview.lastCheckinAt) : '–',
                })}
              </p>
              <div className="actions">
                <button
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => setAsking(true)}
                >
                  {t('backup.restore')}
                </button>
                <button className="btn btn-ghost" onClick={() => setPreview(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          {preview && asking && (
            <RestoreDialog
              preview={preview}
              at={preview.at}
              when={when}
              onClose={() => (setAsking(false), setPreview(null))}
              onRestored={(v) => setStatus(v)}
            />
          )}
        </>
      )}
    </section>
  );
}
