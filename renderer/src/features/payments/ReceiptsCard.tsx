// The reports screen's paperwork card (issue 20): the daftar penerimaan per kind, for one day or
// the whole event, as PDF or XLSX; the speakers' daftar hadir per session; and the 20-JP record per agency or regency (a ZIP of files).
import { useState } from 'react';
import { useFileSave } from '../reports/useFileSave';
import type { HadirEvent } from '../../../../electron/shared/event';
import { PAYMENT_KINDS, type PaymentKind } from '../../../../electron/shared/payments';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';

export function ReceiptsCard({ event }: { event: HadirEvent }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<PaymentKind>('transport');
  const [day, setDay] = useState(0); // 0: the whole event
  const { busy, error, fetchFile } = useFileSave();
  const receipts = (format: 'pdf' | 'xlsx') =>
    fetchFile(format, () => api('reports.receipts', { eventId: event.id, kind, format, ...(day ? { dayNo: day } : {}) }));
  return (
    <section className="card" aria-labelledby="receipts-title" data-testid="receipts-card">
      <h2 id="receipts-title">{t('reports.receipts.title')}</h2>
      <p className="muted">{t('reports.receipts.hint')}</p>
      <div className="grid-2" style={{ maxWidth: '44rem' }}>
        <label className="field">
          <span className="field-label">{t('pay.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as PaymentKind)} data-testid="receipts-kind">
            {PAYMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pay.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('reports.day')}</span>
          <select value={day} onChange={(e) => setDay(Number(e.target.value))} disabled={kind === 'honor'}>
            <option value={0}>{t('reports.receipts.wholeEvent')}</option>
            {event.days.map((d) => (
              <option key={d.dayNo} value={d.dayNo}>
                {t('common.day', { n: d.dayNo })}: {longDate(d.date, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button className="btn btn-primary" disabled={busy !== null} onClick={() => void receipts('pdf')} data-testid="receipts-pdf">
          {busy === 'pdf' ? t('common.loading') : t('reports.receipts.pdf')}
        </button>
        <button className="btn btn-secondary" disabled={busy !== null} onClick={() => void receipts('xlsx')}>
          {busy === 'xlsx' ? t('common.loading') : t('reports.receipts.xlsx')}
        </button>
      </div>
      <h3 className="section-gap">{t('reports.speakers.title')}</h3>
      <p className="muted">{t('reports.speakers.hint')}</p>
      <div className="actions">
        <button
          className="btn btn-secondary"
          disabled={busy !== null}
          onClick={() => void fetchFile('speakers', () => api('reports.speakers', { eventId: event.id }))}
          data-testid="speakers-pdf"
        >
          {busy === 'speakers' ? t('common.loading') : t('reports.speakers.pdf')}
        </button>
      </div>
      <h3 className="section-gap">{t('reports.jp.title')}</h3>
      <div className="actions">
        {(['instansi', 'regency'] as const).map((by) => (
          <button
            key={by}
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() => void fetchFile(by, () => api('reports.jp', { eventId: event.id, by }))}
          >
            {busy === by ? t('common.loading') : t(by === 'instansi' ? 'reports.jp.byInstansi' : 'reports.jp.byRegency')}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
