import { useState } from 'react';
import type { BatchResult, CertList, CertRow, IssueResult } from '../../../../electron/shared/certificates';
import type { FileResult } from '../../../../electron/shared/file';
import { api, ApiError, printPdf, saveFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useOp } from '../../hooks/useOp';
import { useI18n } from '../../i18n';
import { useJob } from '../../useJob';
import { BatchUndrawn } from '../../components/UndrawableNames';
import { useWedge } from '../checkin/useWedge';
import { useDesk } from '../desk/desk-context';
import { ReasonDialog } from './ReasonDialog';
import { statusOf } from './reason-text';
import { usePdfImage } from './usePdfImage';

type Status = 'all' | 'eligible' | 'ineligible' | 'issued';

/** On demand: the last certificate asked for (or why it was refused). */
type Last =
  | { ok: true; result: IssueResult; serial: number }
  | { ok: false; error: unknown; participantId: number | null; name: string };

/**
 * Who qualifies and why not, overrides, on-demand certificates (scan a badge: the PDF at once)
 * and batches (everyone who qualifies, or those ticked; one PDF or one file each) as a job.
 */
export function PeoplePanel({ days, onChanged }: { days: number; onChanged: () => void }) {
  const { t, te } = useI18n();
  // Writes carry the desk and its event; reads name the desk's event.
  const scope = useDesk();
  const { eventId } = scope;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const [rev, setRev] = useState(0);
  const list = useOp<CertList>(() => api('certificates.list', { eventId, query, status }), [eventId, query, status, rev]);
  const [picked, setPicked] = useState<number[]>([]);
  const [code, setCode] = useState('');
  const [autoPrint, setAutoPrint] = useState(false);
  const [last, setLast] = useState<Last | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'override' | 'revoke'; row: Pick<CertRow, 'participantId' | 'name'> } | null>(
    null,
  );
  const [split, setSplit] = useState(false);
  const [done, setDone] = useState<BatchResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const job = useJob();
  const refresh = () => (setRev((r) => r + 1), onChanged());

  const preview = usePdfImage(
    last?.ok ? async () => last.result.file : null,
    // Drawn again for each certificate asked for, not when its print count changes.
    last?.ok ? `${last.result.row.number}:${last.serial}` : '',
    60,
    0,
  );

  /** One certificate now: by badge scan, typed code, or a row's button. */
  async function issue(input: { scan: string } | { participantId: number }, name = '') {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api('certificates.issue', { ...scope, ...input });
      const serial = Date.now();
      setLast({ ok: true, result, serial });
      refresh();
      if (autoPrint) await act(() => printIssued(result, serial, 'desk'));
    } catch (e) {
      const params = (e instanceof ApiError && e.error.params) || {};
      setLast({
        ok: false,
        error: e,
        participantId: typeof params.participantId === 'number' ? params.participantId : null,
        name: String(params.name ?? name),
      });
    } finally {
      setBusy(false);
    }
  }
  /**
   * Prints the certificate, then counts the print: a print that failed (or a PDF that could not
   * be opened) throws before certificates.printed, so it is never counted.
   */
  async function printIssued(result: IssueResult, serial: number, mode: 'desk' | 'dialog') {
    await printPdf(result.file, { mode });
    const row = await api('certificates.printed', { ...scope, participantId: result.row.participantId });
    setLast((l) => (l?.ok && l.serial === serial ? { ...l, result: { ...l.result, row } } : l));
    refresh();
  }
  // A keyboard-wedge scanner types the badge code anywhere on this screen.
  useWedge(!dialog, (text) => void issue({ scan: text }));

  async function batch(input: { allEligible: true } | { participantIds: number[] }) {
    setFailure(null);
    setDone(null);
    try {
      const r = await job.run('certificates.batch', { ...scope, ...input, split });
      if (r) (setDone(r), refresh());
    } catch (e) {
      setFailure(e);
    }
  }
  const act = async (fn: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await fn();
    } catch (e) {
      setFailure(e);
    }
  };

  const rows = list.data?.rows ?? [];
  const eligibleCount = list.data?.eligible ?? 0;
  const running = !!job.status && !job.status.finishedAt;
  const toggle = (id: number, on: boolean) => setPicked(on ? [...picked, id] : picked.filter((p) => p !== id));

  return (
    <div className="cert-people">
      <div className="cert-top">
        <section className="card cert-demand" aria-labelledby="cert-demand-title">
          <h2 id="cert-demand-title">{t('cert.demand.title')}</h2>
          <p className="muted small">{t('cert.demand.lead')}</p>
          <form
            className="cert-scan"
            onSubmit={(e) => {
              e.preventDefault();
              if (code.trim()) void issue({ scan: code.trim() }).then(() => setCode(''));
            }}
          >
            <input
              aria-label={t('cert.demand.code')}
              placeholder={t('cert.demand.code')}
              value={code}
              autoComplete="off"
              onChange={(e) => setCode(e.target.value)}
            />
            <button className="btn btn-primary" disabled={busy || !code.trim()}>
              {t('cert.demand.make')}
            </button>
          </form>
          <label className="check small">
            <input type="checkbox" checked={autoPrint} onChange={(e) => setAutoPrint(e.target.checked)} />
            {t('cert.demand.autoPrint')}
          </label>
          {last && !last.ok && (
            <div className="cert-refused" role="alert" data-testid="cert-refused">
              <p>{te(last.error)}</p>
              {last.participantId !== null && (
                <button
                  className="btn"
                  onClick={() => setDialog({ kind: 'override', row: { participantId: last.participantId!, name: last.name } })}
                >
                  {t('cert.override')}
                </button>
              )}
            </div>
          )}
          {last?.ok && (
            <div className="cert-issued" data-testid="cert-issued">
              {preview.url ? (
                <img src={preview.url} alt={t('cert.preview.alt', { name: last.result.row.name })} />
              ) : (
                <div className="cert-issued-wait">{t('common.loading')}</div>
              )}
              <div>
                <strong>{last.result.row.name}</strong>
                <div className="mono">{last.result.row.number}</div>
                <div className="muted small">{t('cert.prints', { n: last.result.row.prints })}</div>
                <div className="cert-issued-actions">
                  <button className="btn btn-primary" onClick={() => act(() => printIssued(last.result, last.serial, 'dialog'))}>
                    {t('cert.print')}
                  </button>
                  <button className="btn" onClick={() => act(() => saveFile(last.result.file))}>
                    {t('cert.save')}
                  </button>
                </div>
              </div>
            </div>
          )}
        </section>

        <section className="card cert-batch" aria-labelledby="cert-batch-title">
          <h2 id="cert-batch-title">{t('cert.batch.title')}</h2>
          <p data-testid="cert-summary">
            {list.data
              ? t('cert.summary', { eligible: eligibleCount, total: list.data.total, issued: list.data.issued })
              : t('common.loading')}
          </p>
          <fieldset className="cert-split">
            <legend className="field-label">{t('cert.batch.output')}</legend>
            <label className="radio">
              <input type="radio" name="split" checked={!split} onChange={() => setSplit(false)} />
              {t('cert.batch.one')}
            </label>
            <label className="radio">
              <input type="radio" name="split" checked={split} onChange={() => setSplit(true)} />
              {t('cert.batch.split')}
            </label>
          </fieldset>
          <div className="cert-batch-actions">
            <button
              className="btn btn-primary"
              disabled={running || !eligibleCount}
              onClick={() => void batch({ allEligible: true })}
            >
              {t('cert.batch.all', { n: eligibleCount })}
            </button>
            <button className="btn" disabled={running || !picked.length} onClick={() => void batch({ participantIds: picked })}>
              {t('cert.batch.picked', { n: picked.length })}
            </button>
          </div>
          <JobProgress status={job.status} label={t('cert.batch.rendering')} onCancel={job.cancel} />
          {job.status?.state === 'cancelled' && <p className="muted">{t('cert.batch.cancelled')}</p>}
          {done && (
            <div className="cert-done" role="status" data-testid="cert-batch-done">
              <span>{t('cert.batch.done', { n: done.count, file: done.file.fileName })}</span>
              {done.file.mime === 'application/pdf' && (
                <button
                  className="btn btn-primary"
                  onClick={() => act(() => printPdf(done.file as FileResult, { mode: 'dialog' }))}
                >
                  {t('cert.print')}
                </button>
              )}
              <button className="btn" onClick={() => act(() => saveFile(done.file))}>
                {done.file.mime === 'application/zip' ? t('cert.saveZip') : t('cert.save')}
              </button>
            </div>
          )}
          {done && <BatchUndrawn people={done.undrawable} />}
        </section>
      </div>

      <ErrorAlert error={failure ?? list.error} />

      <div className="cert-filter">
        <input
          type="search"
          aria-label={t('cert.search')}
          placeholder={t('cert.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label={t('cert.filter')} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {(['all', 'eligible', 'ineligible', 'issued'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`cert.filter.${s}`)}
            </option>
          ))}
        </select>
        <span className="muted small">{t('cert.shown', { n: rows.length })}</span>
      </div>

      <div className="table-wrap cert-table" tabIndex={0} aria-label={t('cert.table')}>
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('cert.pickAll')}
                  checked={rows.length > 0 && rows.every((r) => picked.includes(r.participantId))}
                  onChange={(e) =>
                    setPicked(
                      e.target.checked
                        ? rows.filter((r) => r.eligibility.eligible && !r.revoked).map((r) => r.participantId)
                        : [],
                    )
                  }
                />
              </th>
              <th scope="col">{t('col.name')}</th>
              <th scope="col">{t('col.regency')}</th>
              <th scope="col">{t('col.role')}</th>
              <th scope="col">{t('cert.col.days')}</th>
              <th scope="col">{t('cert.col.status')}</th>
              <th scope="col">{t('cert.col.number')}</th>
              <th scope="col">
                <span className="sr-only">{t('cert.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const s = statusOf(r, t);
              return (
                <tr key={r.participantId} data-testid="cert-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('cert.pick', { name: r.name })}
                      disabled={!r.eligibility.eligible || !!r.revoked}
                      checked={picked.includes(r.participantId)}
                      onChange={(e) => toggle(r.participantId, e.target.checked)}
                    />
                  </td>
                  <td>{r.name}</td>
                  <td>{r.regency ?? '—'}</td>
                  <td>{r.role}</td>
                  <td>
                    <span className="cert-days" aria-label={t('cert.days', { present: r.daysPresent.length, total: days })}>
                      {Array.from({ length: days }, (_, i) => (
                        <span key={i} className={r.daysPresent.includes(i + 1) ? 'on' : 'off'}>
                          {i + 1}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>
                    <span className={`cert-status cert-status-${s.tone}`}>{s.text}</span>
                  </td>
                  <td className="mono">
                    {r.number ?? '—'}
                    {r.prints > 0 && <span className="muted small"> ×{r.prints}</span>}
                  </td>
                  <td className="cert-row-actions">
                    {!r.revoked && (r.eligibility.eligible || r.number) && (
                      <button
                        className="btn btn-ghost"
                        disabled={busy}
                        onClick={() => void issue({ participantId: r.participantId }, r.name)}
                      >
                        {t('cert.make')}
                      </button>
                    )}
                    {!r.number &&
                      r.eligibility.via !== 'rule' &&
                      r.eligibility.reason?.code !== 'deleted' &&
                      (r.override ? (
                        <button
                          className="btn btn-ghost"
                          onClick={() =>
                            act(
                              async () => (
                                await api('certificates.override', { ...scope, participantId: r.participantId, reason: null }),
                                refresh()
                              ),
                            )
                          }
                        >
                          {t('cert.override.remove')}
                        </button>
                      ) : (
                        <button className="btn btn-ghost" onClick={() => setDialog({ kind: 'override', row: r })}>
                          {t('cert.override')}
                        </button>
                      ))}
                    {/* Below the rule but present some day: the lower tier, when the template enables it (the host says so if not). */}
                    {!r.number && !r.eligibility.eligible && r.eligibility.reason?.code === 'missing_days' && r.daysPresent.length > 0 && (
                      <button
                        className="btn btn-ghost"
                        data-testid="cert-statement"
                        onClick={() => act(async () => saveFile(await api('certificates.statement', { eventId, participantId: r.participantId })))}
                      >
                        {t('cert.statement.make')}
                      </button>
                    )}
                    {r.number && !r.revoked && (
                      <button className="btn btn-ghost danger" onClick={() => setDialog({ kind: 'revoke', row: r })}>
                        {t('cert.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {list.data && !rows.length && <p className="muted cert-empty">{t('cert.empty')}</p>}
      </div>

      {dialog?.kind === 'override' && (
        <ReasonDialog
          title={t('cert.override.title', { name: dialog.row.name })}
          lead={t('cert.override.lead')}
          confirm={t('cert.override.confirm')}
          onSubmit={async (reason) => {
            await api('certificates.override', { ...scope, participantId: dialog.row.participantId, reason });
            setLast(null);
            refresh();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <ReasonDialog
          title={t('cert.revoke.title', { name: dialog.row.name })}
          lead={t('cert.revoke.lead')}
          confirm={t('cert.revoke.confirm')}
          danger
          onSubmit={async (reason) => {
            await api('certificates.revoke', { ...scope, participantId: dialog.row.participantId, reason });
            refresh();
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
