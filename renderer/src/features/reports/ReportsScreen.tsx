// After the event (and during it): the daftar hadir per day, the recap per regency and role, a
// live dashboard of the queue, and the backups. Everything here reads; nothing records.
import { useState } from 'react';
import { useFileSave } from './useFileSave';
import type { HadirEvent } from '../../../../electron/shared/event';
import type { Recap, RecapGroup } from '../../../../electron/shared/reports';
import { ZONE_LABEL } from '../../../../electron/shared/time-zone';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';
import { BackupCard } from './BackupCard';
import { RegencyChart, TimelineChart } from './Charts';
import { useLive } from './useLive';
import { ReceiptsCard } from '../payments/ReceiptsCard';
import { useLiveChanges } from '../../live';
import { ReconciliationCard } from './ReconciliationCard';

export function ReportsScreen({ event }: { event: HadirEvent }) {
  const { t, lang } = useI18n();
  const [day, setDay] = useState(event.days[0]?.dayNo ?? 1);
  const { busy, error, fetchFile } = useFileSave();
  const recap = useLive(() => api('reports.recap', { eventId: event.id }), [event.id]);
  const timeline = useLive(() => api('reports.timeline', { eventId: event.id }), [event.id]);
  // The dashboard follows every desk's scans as they happen (issue 19, item 4).
  useLiveChanges(event.id, () => (recap.reload(), timeline.reload()));
  const dayIndex = Math.max(
    0,
    event.days.findIndex((d) => d.dayNo === day),
  );
  const zone = ZONE_LABEL[event.timeZone];


  return (
    <>
      <section className="card">
        <h1>{t('reports.title')}</h1>
        <div className="field" style={{ maxWidth: '22rem' }}>
          <label className="field-label" htmlFor="report-day">
            {t('reports.day')}
          </label>
          <select id="report-day" value={day} onChange={(e) => setDay(Number(e.target.value))}>
            {event.days.map((d) => (
              <option key={d.dayNo} value={d.dayNo}>
                {t('common.day', { n: d.dayNo })}: {longDate(d.date, lang)}
              </option>
            ))}
          </select>
        </div>
        <ErrorAlert error={error ?? recap.error} />
        <h2 className="section-gap">{t('reports.sheet.title')}</h2>
        <p className="muted">{t('reports.sheet.hint')}</p>
        <div className="actions">
          <button
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() =>
              fetchFile('present', () =>
                api('reports.daftarHadir', { eventId: event.id, dayNo: day, scope: 'present', order: 'time' }),
              )
            }
          >
            {busy === 'present' ? t('common.loading') : t('reports.sheet.present')}
          </button>
          <button
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() =>
              fetchFile('byName', () =>
                api('reports.daftarHadir', { eventId: event.id, dayNo: day, scope: 'present', order: 'name' }),
              )
            }
          >
            {busy === 'byName' ? t('common.loading') : t('reports.sheet.byName')}
          </button>
          <button
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() =>
              fetchFile('all', () => api('reports.daftarHadir', { eventId: event.id, dayNo: day, scope: 'all', order: 'name' }))
            }
          >
            {busy === 'all' ? t('common.loading') : t('reports.sheet.all')}
          </button>
        </div>
      </section>

      <section className="card">
        <h2>{t('reports.dashboard.title')}</h2>
        <p className="muted">{t('reports.dashboard.live')}</p>
        {recap.value && (
          <p className="big-count" aria-live="polite">
            {t('reports.dashboard.present', {
              n: recap.value.days[dayIndex]?.present ?? 0,
              of: recap.value.days[dayIndex]?.expected ?? 0,
            })}
          </p>
        )}
        <div className="grid-2">
          <div>
            <h3>{t('reports.dashboard.timeline', { zone })}</h3>
            {timeline.value && (
              <TimelineChart bins={timeline.value[dayIndex]?.bins ?? []} label={t('reports.dashboard.checkins')} zone={zone} />
            )}
          </div>
          <div>
            <h3>{t('reports.dashboard.regency')}</h3>
            {recap.value && (
              <RegencyChart
                names={recap.value.byRegency.map((g) => g.name)}
                values={recap.value.byRegency.map((g) => g.perDay[dayIndex] ?? 0)}
                label={t('reports.dashboard.present.short')}
              />
            )}
          </div>
        </div>
      </section>

      <section className="card">
        <h2>{t('reports.recap.title')}</h2>
        {/* Five downloads do not fit one row at 1366 px: they wrap rather than run off the card. */}
        <div className="actions" style={{ flexWrap: 'wrap' }}>
          <button
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() => fetchFile('xlsx', () => api('reports.recapExport', { eventId: event.id, format: 'xlsx' }))}
          >
            {t('reports.recap.xlsx')}
          </button>
          {(
            [
              ['regency', 'reports.recap.csv'],
              ['certificates', 'reports.recap.csvCertificates'],
              ['register', 'reports.recap.csvRegister'],
            ] as const
          ).map(([view, label]) => (
            <button
              key={view}
              className="btn btn-secondary"
              disabled={busy !== null}
              onClick={() =>
                fetchFile(`csv-${view}`, () =>
                  api('reports.recapExport', { eventId: event.id, format: 'csv', view, separator: lang === 'id' ? ';' : ',' }),
                )
              }
            >
              {t(label)}
            </button>
          ))}
          <button
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() =>
              fetchFile('pdf-register', () => api('reports.recapExport', { eventId: event.id, format: 'pdf', view: 'register' }))
            }
          >
            {t('reports.recap.pdfRegister')}
          </button>
        </div>
        {recap.value?.reconciliation && recap.value.reconciliation.total > 0 && (
          <p className="alert alert-warn" data-testid="recap-recon">
            <a href="#rekonsiliasi">{t('recon.recapLine', { n: recap.value.reconciliation.total })}</a>
          </p>
        )}
        {recap.value && <RecapTables recap={recap.value} />}
      </section>

      <ReconciliationCard event={event} />

      <ReceiptsCard event={event} />

      <BackupCard zone={event.timeZone} />
    </>
  );
}

function RecapTables({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  const table = (caption: string, label: string, groups: RecapGroup[]) => (
    <div className="table-wrap">
      <table className="table compact">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col" className="num">
              {t('reports.recap.expected')}
            </th>
            {recap.days.map((d) => (
              <th scope="col" className="num" key={d.dayNo}>
                {t('common.day', { n: d.dayNo })}
              </th>
            ))}
            <th scope="col" className="num">
              {t('reports.recap.allDays')}
            </th>
            <th scope="col" className="num">
              {t('reports.recap.qualifies')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...groups, recap.total].map((g, i) => (
            <tr key={g.name} className={i === groups.length ? 'total' : undefined}>
              <th scope="row">{i === groups.length ? t('reports.recap.total') : g.name}</th>
              <td className="num">{g.expected}</td>
              {g.perDay.map((n, k) => (
                <td className="num" key={k}>
                  {n}
                </td>
              ))}
              <td className="num">{g.allDays}</td>
              <td className="num">{g.qualifies}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="stack">
      {table(t('reports.recap.byRegency'), t('reports.recap.regency'), recap.byRegency)}
      {table(t('reports.recap.byRole'), t('reports.recap.role'), recap.byRole)}
    </div>
  );
}
