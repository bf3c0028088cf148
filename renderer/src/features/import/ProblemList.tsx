import type { ImportProblem } from '../../../../electron/shared/import';
import { useI18n, type MsgKey } from '../../i18n';

const SHOWN = 200;

/**
 * The validation report: one line per problem, by file line and column, errors before warnings.
 * The host lists the first few hundred (`more` counts the rest); the screen shows SHOWN of them.
 */
export function ProblemList({ problems, more = 0 }: { problems: ImportProblem[]; more?: number }) {
  const { t } = useI18n();
  if (!problems.length) return <p className="alert alert-ok">{t('import.noProblems')}</p>;
  const sorted = [...problems].sort((a, b) => Number(a.warning) - Number(b.warning) || a.line - b.line);
  return (
    <div className="table-wrap problems" tabIndex={0} role="region" aria-label={t('import.problems')}>
      <table className="table compact" data-testid="import-problems">
        <thead>
          <tr>
            <th>{t('import.line')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.problem')}</th>
            <th>{t('import.value')}</th>
            <th>{t('import.rowValues')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, SHOWN).map((p, i) => (
            <tr key={i}>
              <td className="mono">{p.line}</td>
              <td>{p.column}</td>
              <td>
                <span className={`badge ${p.warning ? 'badge-warn' : 'badge-error'}`}>
                  {t(p.warning ? 'import.severity.warning' : 'import.severity.error')}
                </span>{' '}
                {t(`problem.${p.code}` as MsgKey)}
              </td>
              <td className="mono value">{p.value}</td>
              <td className="small row-values" data-testid="problem-row">
                {p.row?.map((v) => `${v.column}: ${v.value}`).join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length + more > SHOWN && (
        <p className="muted" data-testid="import-more-problems">
          {t('import.moreProblems', { n: Math.max(0, sorted.length - SHOWN) + more })}
        </p>
      )}
    </div>
  );
}
