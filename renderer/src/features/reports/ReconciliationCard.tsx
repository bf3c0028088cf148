// "Rekonsiliasi" on the reports screen (issue 19, item 5): what the committee has to look at
// after desks worked without the hub, live as late scans arrive, and its PDF to sign.
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { useLiveChanges } from '../../live';
import { ReconciliationList } from './ReconciliationList';
import { useFileSave } from './useFileSave';
import { useLive } from './useLive';

export function ReconciliationCard({ event }: { event: HadirEvent }) {
  const { t } = useI18n();
  const recon = useLive(() => api('reports.reconciliation', { eventId: event.id }), [event.id], 10_000);
  useLiveChanges(event.id, () => recon.reload());
  const { busy, error, fetchFile } = useFileSave();
  const r = recon.value;
  return (
    <section className="card" id="rekonsiliasi" aria-labelledby="recon-title" data-testid="reconciliation">
      <h2 id="recon-title">{t('recon.title')}</h2>
      <p className="muted">{t('recon.hint')}</p>
      <ErrorAlert error={error ?? recon.error} />
      {r && (
        <>
          <p data-testid="recon-summary">
            {r.counts.total === 0
              ? t('recon.none')
              : t('recon.summary', {
                  total: r.counts.total,
                  double: r.counts.double,
                  replaced: r.counts.badge_replaced,
                  other: r.counts.badge_other_event,
                  refused: r.counts.refused,
                  late: r.counts.sentLate,
                })}
          </p>
          <div className="actions">
            <button
              className="btn btn-secondary"
              disabled={busy !== null}
              onClick={() => fetchFile('pdf', () => api('reports.reconciliationPdf', { eventId: event.id }))}
            >
              {busy === 'pdf' ? t('common.loading') : t('recon.pdf')}
            </button>
          </div>
          {r.cases.length > 0 && <ReconciliationList cases={r.cases} testId="recon-list" />}
        </>
      )}
    </section>
  );
}
