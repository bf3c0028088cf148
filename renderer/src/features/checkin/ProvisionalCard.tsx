import { useEffect } from 'react';
import { parseBadgeText } from '../../../../electron/shared/badge-payload';
import { useI18n } from '../../i18n';
import type { QueuedScan } from './outbox';
import type { SnapshotPerson } from './snapshot';

/** How long the provisional verdict stays (the next scan replaces it meanwhile). */
const SHOW_MS = 4000;

/**
 * The verdict a desk gives when the hub cannot be reached (issue 19, item 3): the scan is kept
 * in the desk's outbox and will be sent; it is not a check-in yet, and looks clearly different
 * from a confirmed one (dashed border, its own colour, "belum terkirim").
 */
export function ProvisionalCard({
  scan,
  person,
  onClose,
}: {
  scan: QueuedScan;
  /** Who the badge names in the desk's snapshot; null when it is not there (checked on arrival). */
  person: SnapshotPerson | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => {
    const id = setTimeout(onClose, SHOW_MS);
    return () => clearTimeout(id);
  }, [scan, onClose]);
  const parsed = parseBadgeText(scan.text);
  const code = parsed.kind === 'not_a_badge' ? scan.text.slice(0, 24) : parsed.code;
  return (
    <div
      className="verdict verdict-pending"
      data-testid="verdict"
      data-verdict="pending"
      role="status"
      aria-live="assertive"
      onClick={onClose}
    >
      <div className="verdict-head">
        <span className="verdict-icon" aria-hidden>
          ⧗
        </span>
        <span className="verdict-title">{t('outbox.title')}</span>
      </div>
      {person ? (
        <>
          <div className="verdict-name">{person.name}</div>
          <div className="verdict-meta">{[person.regency, person.role].filter(Boolean).join(' · ')}</div>
        </>
      ) : (
        <div className="verdict-meta">{t('outbox.unknown')}</div>
      )}
      <div className="verdict-line">{t('outbox.line', { code })}</div>
    </div>
  );
}
