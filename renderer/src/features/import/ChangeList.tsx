import type { ImportPreview } from '../../../../electron/shared/import';
import type { Field } from '../../../../electron/shared/participant';
import { useI18n, type MsgKey } from '../../i18n';

/**
 * What a re-import would change, before anything is written: person, field, old → new. A gender
 * and a phone corrected in the app once went back to the file's values under a bare "1 updated".
 * Fields edited in the app are marked, and the organiser chooses whose value wins.
 */
export function ChangeList({
  preview: p,
  appEdits,
  onAppEdits,
}: {
  preview: ImportPreview;
  appEdits: 'keep' | 'file';
  onAppEdits: (v: 'keep' | 'file') => void;
}) {
  const { t } = useI18n();
  if (!p.changeCount) return null;
  const edited = p.changes.filter((c) => c.editedInApp).length;
  const show = (field: Field, v: string | null) =>
    v === null || v === '' ? (
      <span className="muted">{t('import.changes.empty')}</span>
    ) : field === 'gender' && (v === 'L' || v === 'P') ? (
      t(`gender.${v}`)
    ) : (
      v
    );
  return (
    <div className="card" data-testid="import-changes">
      <h2>{t('import.changes', { n: p.changeCount })}</h2>
      {edited > 0 && (
        <fieldset className="choice">
          <legend>{t('import.appEdits.title', { n: edited })}</legend>
          <label className="check">
            <input type="radio" name="appEdits" checked={appEdits === 'keep'} onChange={() => onAppEdits('keep')} />
            {t('import.appEdits.keep')}
          </label>
          <label className="check">
            <input type="radio" name="appEdits" checked={appEdits === 'file'} onChange={() => onAppEdits('file')} />
            {t('import.appEdits.file')}
          </label>
        </fieldset>
      )}
      {/* It scrolls (a re-import can change hundreds of fields): focusable, so the keyboard can scroll it too. */}
      <div className="table-wrap changes" tabIndex={0} role="region" aria-label={t('import.changes', { n: p.changeCount })}>
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('import.line')}</th>
              <th>{t('import.changes.person')}</th>
              <th>{t('import.changes.field')}</th>
              <th>{t('import.changes.old')}</th>
              <th>{t('import.changes.new')}</th>
              <th>{t('import.changes.result')}</th>
            </tr>
          </thead>
          <tbody>
            {p.changes.map((c) => (
              <tr key={`${c.line}-${c.field}`} className={c.applied ? '' : 'kept'}>
                <td className="mono">{c.line}</td>
                <td className="c-name">{c.name}</td>
                <td>{t(`field.${c.field}` as MsgKey)}</td>
                <td className={c.applied ? 'old' : ''}>{show(c.field, c.old)}</td>
                <td className={c.applied ? '' : 'old'}>
                  <span aria-hidden>→ </span>
                  {show(c.field, c.new)}
                </td>
                <td>
                  <span className={`badge ${c.applied ? 'badge-ok' : 'badge-warn'}`}>
                    {t(c.applied ? 'import.changes.applied' : 'import.changes.kept')}
                  </span>
                  {c.editedInApp && <span className="muted small"> {t('import.changes.editedInApp')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.changeCount > p.changes.length && (
        <p className="muted">{t('import.changes.more', { n: p.changeCount - p.changes.length })}</p>
      )}
    </div>
  );
}
