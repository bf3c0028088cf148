// The event screen's paperwork card (issue 20): the payment rates per kind, role and home regency
// (typed here or taken from the office's CSV), the tax rate for non-civil-servants, and the
// signature blocks of the daftar penerimaan and the daftar hadir's "Mengetahui".
import { useEffect, useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import {
  PAYMENT_KINDS,
  type PaymentConfig,
  type PaymentKind,
  type PaymentSignatory,
} from '../../../../electron/shared/payments';
import { api, fileBytes } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileButton } from '../../components/FileButton';
import { useAction, useOp } from '../../hooks/useOp';
import { useI18n } from '../../i18n';
import { useDesk } from '../desk/desk-context';
import { parsePercent, parseRupiah, showPercent, showRupiah } from './amounts';

interface DraftRate {
  kind: PaymentKind;
  role: string;
  regency: string;
  amount: string;
}

export function PaymentsCard({ event }: { event: HadirEvent }) {
  const { t } = useI18n();
  const scope = useDesk();
  const settings = useOp(() => api('payments.settings', { eventId: event.id }), [event.id]);
  const [rates, setRates] = useState<DraftRate[]>([]);
  const [config, setConfig] = useState<PaymentConfig | null>(null);
  const [nonCivil, setNonCivil] = useState('0');
  const [saved, setSaved] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);

  const load = (s: NonNullable<typeof settings.data>) => {
    setRates(s.rates.map((r) => ({ ...r, amount: showRupiah(r.amount) })));
    setConfig(s.config);
    setNonCivil(showPercent(s.config.nonCivilRateBp));
  };
  useEffect(() => {
    if (settings.data) load(settings.data);
  }, [settings.data]);

  const bad = (r: DraftRate) => parseRupiah(r.amount) === null;
  const saveRates = useAction(async () => {
    setSaved(null);
    setAttempted(true);
    if (rates.some(bad)) return;
    const s = await api('payments.setRates', {
      ...scope,
      rates: rates.map((r) => ({ kind: r.kind, role: r.role, regency: r.regency.trim(), amount: parseRupiah(r.amount)! })),
    });
    load(s);
    setAttempted(false);
    setSaved(t('pay.saved'));
  });
  const fromFile = useAction(async (file: File) => {
    setSaved(null);
    load(await api('payments.ratesFile', { ...scope, bytes: await fileBytes(file) }));
    setSaved(t('pay.saved'));
  });
  const nonCivilBp = parsePercent(nonCivil);
  const saveConfig = useAction(async () => {
    setSaved(null);
    if (!config || nonCivilBp === null) return;
    load(await api('payments.saveConfig', { ...scope, ...config, nonCivilRateBp: nonCivilBp }));
    setSaved(t('pay.savedConfig'));
  });
  const set = (i: number, patch: Partial<DraftRate>) => setRates(rates.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const busy = saveRates.busy || fromFile.busy || saveConfig.busy;

  const signatory = (s: PaymentSignatory, onChange: (s: PaymentSignatory) => void, id: string) => (
    <div className="grid-2 pay-signatory" key={id} style={{ borderBottom: "1px solid #d9dee3", paddingBottom: "0.75rem", marginBottom: "0.75rem" }}>
      {(['caption', 'title', 'name', 'nip', 'rank'] as const).map((k) => (
        <label className="field" key={k}>
          <span className="field-label">{t(k === 'caption' ? 'pay.caption' : k === 'title' ? 'pay.sigTitle' : k === 'name' ? 'pay.sigName' : k === 'nip' ? 'pay.sigNip' : 'pay.sigRank')}</span>
          <input name={`${id}-${k}`} value={s[k]} onChange={(e) => onChange({ ...s, [k]: e.target.value })} />
        </label>
      ))}
    </div>
  );

  return (
    <section className="card narrow" aria-labelledby="pay-title" data-testid="payments-card">
      <h2 id="pay-title">{t('pay.title')}</h2>
      <p className="muted">{t('pay.hint')}</p>
      <p className="muted small">{t('pay.taxNote')}</p>
      {rates.length === 0 ? (
        <p className="muted">{t('pay.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('pay.kind')}</th>
                <th scope="col">{t('pay.role')}</th>
                <th scope="col">{t('pay.regency')}</th>
                <th scope="col" className="num">
                  {t('pay.amount')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('pay.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={t('pay.kind')} value={r.kind} onChange={(e) => set(i, { kind: e.target.value as PaymentKind })}>
                      {PAYMENT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`pay.kind.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={t('pay.role')} value={r.role} onChange={(e) => set(i, { role: e.target.value })}>
                      {event.roles.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={t('pay.regency')} value={r.regency} onChange={(e) => set(i, { regency: e.target.value })} />
                  </td>
                  <td className="num">
                    <input
                      aria-label={t('pay.amount')}
                      aria-invalid={attempted && bad(r)}
                      inputMode="numeric"
                      value={r.amount}
                      onChange={(e) => set(i, { amount: e.target.value })}
                    />
                    {attempted && bad(r) && (
                      <span className="field-error" role="alert">
                        {t('pay.amountInvalid')}
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => setRates(rates.filter((_, k) => k !== i))}>
                      {t('pay.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setRates([...rates, { kind: 'transport', role: event.roles[0] ?? 'Peserta', regency: '', amount: '' }])}
        >
          {t('pay.add')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void saveRates.run()} data-testid="pay-save">
          {t('pay.save')}
        </button>
        <FileButton accept=".csv,text/csv" label={t('pay.file')} disabled={busy} testId="pay-file" onFile={(f) => void fromFile.run(f)} />
      </div>
      {config && (
        <>
          <h3 className="section-gap">{t('pay.signatories')}</h3>
          {config.signatories.map((s, i) =>
            signatory(s, (v) => setConfig({ ...config, signatories: config.signatories.map((x, k) => (k === i ? v : x)) }), `sig${i}`),
          )}
          <h3 className="section-gap">{t('pay.mengetahui')}</h3>
          {signatory(config.mengetahui, (v) => setConfig({ ...config, mengetahui: v }), 'mengetahui')}
          <label className="field" style={{ maxWidth: '22rem' }}>
            <span className="field-label">{t('pay.nonCivil')}</span>
            <input inputMode="decimal" value={nonCivil} onChange={(e) => setNonCivil(e.target.value)} aria-invalid={nonCivilBp === null} />
          </label>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy || nonCivilBp === null} onClick={() => void saveConfig.run()}>
              {t('pay.saveConfig')}
            </button>
          </div>
        </>
      )}
      {saved && (
        <p className="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      <ErrorAlert error={settings.error ?? saveRates.error ?? fromFile.error ?? saveConfig.error} />
    </section>
  );
}
