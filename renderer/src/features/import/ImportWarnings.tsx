import type { ImportWarning } from '../../../../electron/shared/import';
import { useI18n, type MsgKey } from '../../i18n';

/** Warnings about the whole file: a column that does not look like its field, or everyone new again. */
export function ImportWarnings({
  warnings,
  ackNew,
  onAckNew,
}: {
  warnings: ImportWarning[];
  ackNew: boolean;
  onAckNew: (v: boolean) => void;
}) {
  const { t } = useI18n();
  if (!warnings.length) return null;
  return (
    <div className="alert alert-warn" data-testid="import-warnings">
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {t(`import.warn.${w.code}` as MsgKey, {
              column: w.column,
              field: w.field ? t(`field.${w.field}` as MsgKey) : '',
              count: w.count,
              of: w.of,
              existing: w.existing ?? 0,
              examples: w.examples.map((e) => `“${e}”`).join(', '),
            })}
            {w.code === 'mostly_new' && (
              <label className="check ack">
                <input type="checkbox" checked={ackNew} onChange={(e) => onAckNew(e.target.checked)} />
                {t('import.warn.mostly_new.ack', { count: w.count })}
              </label>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
