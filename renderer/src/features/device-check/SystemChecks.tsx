import type { CheckResult, CheckState, DoctorReport } from '../../../../electron/shared/doctor';
import { checkMessage } from '../../../../electron/shared/doctor';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOp } from '../../hooks/useOp';
import { useI18n, type MsgKey } from '../../i18n';

const MARK: Record<CheckState, string> = { ok: '✓', warn: '!', fail: '✕' };

/**
 * `hadir doctor` as a list (operation system.doctor): database, disk, backup folder, a fresh job
 * worker rendering one page, the clock against the desk's event. Green, amber or red per line,
 * with the host's own sentence in the UI language.
 */
export function SystemChecks({ eventId }: { eventId: number | undefined }) {
  const { t, lang } = useI18n();
  const report = useOp(() => api('system.doctor', eventId === undefined ? {} : { eventId }), [eventId]);
  const r: DoctorReport | undefined = report.data;
  return (
    <section className="card devcheck-card" aria-labelledby="devcheck-system-title" data-testid="devcheck-system">
      <div className="card-head">
        <h2 id="devcheck-system-title">{t('devcheck.system.title')}</h2>
        <button className="btn" disabled={report.loading} onClick={report.reload}>
          {t('devcheck.system.again')}
        </button>
      </div>
      {report.loading && (
        <p className="muted" role="status">
          {t('devcheck.system.running')}
        </p>
      )}
      {r && !report.loading && <p className={`devcheck-summary devcheck-${summary(r.checks)}`}>{t(summaryKey(r.checks))}</p>}
      {r && (
        <ul className="devcheck-list">
          {r.checks.map((c) => (
            <li key={c.check} className={`devcheck-item devcheck-${c.state}`} data-check={c.check} data-state={c.state}>
              <span className="devcheck-mark" aria-hidden>
                {MARK[c.state]}
              </span>
              <div>
                <strong>{t(`devcheck.check.${c.check}` as MsgKey)}</strong>
                <span className="devcheck-state"> · {t(`devcheck.state.${c.state}` as MsgKey)}</span>
                <div className="devcheck-msg">{checkMessage(c.message, lang)}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={report.error} />
    </section>
  );
}

const summary = (checks: CheckResult[]): CheckState =>
  checks.some((c) => c.state === 'fail') ? 'fail' : checks.some((c) => c.state === 'warn') ? 'warn' : 'ok';
const summaryKey = (checks: CheckResult[]): MsgKey =>
  (({ ok: 'devcheck.system.allOk', warn: 'devcheck.system.hasWarn', fail: 'devcheck.system.hasFail' }) as const)[summary(checks)];
