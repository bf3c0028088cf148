import { api } from '../api';
import { useOp } from '../hooks/useOp';
import { useI18n } from '../i18n';
import { useDesk } from '../features/desk/desk-context';
import type { UndrawnName } from '../../../electron/shared/visible-text';

/** Shown at most this many names; the rest counted (the import lists them all by line). */
const SHOWN = 12;

/**
 * Before printing badges or certificates: who has characters in their name that the bundled
 * fonts cannot draw (participants.undrawable, core/pdf/cmap-coverage.ts), so the organiser knows
 * whose paper will show empty boxes. Nothing is shown when every name can be drawn.
 */
export function UndrawableNames() {
  const { t } = useI18n();
  const { eventId } = useDesk();
  const people = useOp(() => api('participants.undrawable', { eventId }), [eventId]).data ?? [];
  if (!people.length) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="undrawable-names">
      <strong>{t('fonts.undrawable.title')}</strong>
      <p>{t('fonts.undrawable.lead', { count: people.length })}</p>
      <UndrawableList people={people} />
      <p>{t('fonts.undrawable.advice')}</p>
    </div>
  );
}

/**
 * After a badge or certificate batch: the people of that batch whose names printed with empty
 * boxes (BadgeFile / BatchResult `undrawable`), by name, so the organiser checks their paper.
 */
export function BatchUndrawn({ people }: { people: UndrawnName[] }) {
  const { t } = useI18n();
  if (!people.length) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="batch-undrawn">
      <strong>{t('batch.undrawn.title')}</strong>
      <p>{t('batch.undrawn.lead', { count: people.length })}</p>
      <UndrawableList people={people} />
    </div>
  );
}

function UndrawableList({ people }: { people: UndrawnName[] }) {
  const { t } = useI18n();
  return (
    <ul>
      {people.slice(0, SHOWN).map((p, n) => (
        // <bdi>: an Arabic or Hebrew name must not reorder the rest of the line around it.
        <li key={n}>
          <bdi>{p.name}</bdi> —{' '}
          {p.missing.map((c, i) => (
            <span key={i}>
              {i > 0 && ', '}
              <bdi>{c}</bdi> (U+{c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})
            </span>
          ))}
        </li>
      ))}
      {people.length > SHOWN && <li>{t('fonts.undrawable.more', { count: people.length - SHOWN })}</li>}
    </ul>
  );
}
