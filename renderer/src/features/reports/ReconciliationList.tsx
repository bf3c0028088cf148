// The reconciliation's cases as a table (issue 19, items 5 and 6): one row per scan, the case's
// number, kind and person on its first row, as on the committee's PDF. Used by the reports card
// and by the event-file merge result.
import type { ReconciliationCase } from '../../../../electron/shared/reconciliation';
import { useI18n } from '../../i18n';
import './reconciliation.css';

export function ReconciliationList({ cases, testId }: { cases: ReconciliationCase[]; testId: string }) {
  const { t } = useI18n();
  // "Reached hub" only where a scan came late (a merge of two laptops has none).
  const late = cases.some((c) => c.scans.some((s) => s.receivedTime !== null));
  const cols = (['no', 'kind', 'person', 'day', 'desk', 'at', 'received', 'shown', 'logged', 'stands'] as const).filter(
    (c) => late || c !== 'received',
  );
  return (
    <div className="table-wrap" tabIndex={0} aria-label={t('recon.title')}>
      <table className="table compact recon-table" data-testid={testId}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col" key={c}>
                {t(`recon.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cases.flatMap((c, i) =>
            c.scans.map((s, k) => (
              <tr key={`${i}-${s.uuid}`} data-case={k === 0 ? c.kind : undefined} className={k === 0 ? 'recon-first' : undefined}>
                <td>{k === 0 ? i + 1 : ''}</td>
                <td>{k === 0 ? t(`recon.kind.${c.kind}`) : ''}</td>
                <td>{k === 0 ? (c.person ? `${c.person.name} (${c.person.code})` : c.rawCode) : ''}</td>
                <td>{k === 0 ? (c.dayNo ?? '') : ''}</td>
                <td>{s.desk}</td>
                <td>{s.time}</td>
                {late && <td>{s.receivedTime ?? ''}</td>}
                <td>{t(`recon.shown.${s.shown}`)}</td>
                <td>
                  {t(`recon.logged.${s.logged}` as 'recon.logged.ok')} {s.stands ? t('recon.stands') : ''}
                </td>
                <td>{k === 0 ? (c.stands ? t('recon.standsAt', { desk: c.stands.desk, time: c.stands.time }) : t('recon.absent')) : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
