import { useEffect } from 'react';
import { parseBadgeText } from '../../../../electron/shared/badge-payload';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';
import { useI18n } from '../../i18n';
import type { QueuedScan } from './outbox';
import type { ProvisionalRead } from './snapshot';

/** How long the provisional verdict stays (the next scan replaces it meanwhile). */
const SHOW_MS = 4000;

/**
 * The verdict a desk gives when the hub cannot be reached (issue 19, item 3): the scan is kept
 * in the desk's outbox and will be sent; it is not a check-in yet, and looks clearly different
 * from a confirmed one (dashed border, its own colour, "belum terkirim").
 */
export function ProvisionalCard({
  scan,
  read,
  zone,
  onClose,
}: {
  scan: QueuedScan;
  /** What the desk's snapshot says of the badge (snapshot.ts); the hub's verdict stands on arrival. */
  read: ProvisionalRead;
  zone: TimeZone;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  useEffect(() => {
    const id = setTimeout(onClose, SHOW_MS);
    return () => clearTimeout(id);
  }, [scan, onClose]);
  const parsed = parseBadgeText(scan.text);
  const code = parsed.kind === 'not_a_badge' ? scan.text.slice(0, 24) : parsed.code;
  // Already in today, or a replaced badge: a warning look (still dashed: nothing is confirmed).
  const warn = read.kind === 'already' || read.kind === 'replaced';
  const title =
    read.kind === 'already' ? t('outbox.already') : read.kind === 'replaced' ? t('outbox.replaced') : t('outbox.title');
  return (
    <div
      className={`verdict verdict-pending${warn ? ' verdict-pending-warn' : ''}`}
      data-testid="verdict"
      data-verdict="pending"
      data-provisional={read.kind}
      role="status"
      aria-live="assertive"
      onClick={onClose}
    >
      <div className="verdict-head">
        <span className="verdict-icon" aria-hidden>
          {warn ? '!' : '⧗'}
        </span>
        <span className="verdict-title">{title}</span>
      </div>
      {read.kind === 'present' || read.kind === 'already' ? (
        <>
          <div className="verdict-name">{read.person.name}</div>
          <div className="verdict-meta">{[read.person.regency, read.person.role].filter(Boolean).join(' · ')}</div>
        </>
      ) : read.kind === 'replaced' ? (
        <>
          <div className="verdict-name">{read.name}</div>
          <div className="verdict-meta">{t('outbox.replacedLine', { date: eventTime(read.replacedAt, zone, lang, { date: true }) })}</div>
        </>
      ) : (
        <div className="verdict-meta">{t('outbox.unknown')}</div>
      )}
      <div className="verdict-line">{t('outbox.line', { code })}</div>
    </div>
  );
}
