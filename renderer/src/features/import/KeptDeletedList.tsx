import type { KeptDeleted } from '../../../../electron/shared/import';
import { useI18n } from '../../i18n';

/**
 * The deleted participants the file names, by name and badge code: "2 rows match deleted
 * participants" without names left the organiser unable to tell whether someone was missing.
 */
export function KeptDeletedList({ people, count }: { people: KeptDeleted[]; count: number }) {
  const { t } = useI18n();
  if (!count) return null;
  return (
    <div className="kept-deleted" data-testid="import-kept-deleted">
      <p>
        <strong>{t('import.keptDeleted', { n: count })}</strong> {t('import.keptDeleted.hint')}
      </p>
      <ul>
        {people.map((d) => (
          <li key={d.participantId}>
            {d.name} <span className="muted small">· {t('import.keptDeleted.item', { code: d.code, line: d.line })}</span>
          </li>
        ))}
      </ul>
      {count > people.length && <p className="muted small">+{count - people.length}</p>}
    </div>
  );
}
