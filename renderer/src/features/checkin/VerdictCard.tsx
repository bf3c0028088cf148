import { useEffect, useLayoutEffect } from 'react';
import type { ScanOutcome } from '../../../../electron/shared/checkin';
import { useI18n } from '../../i18n';
import { longDate } from '../../i18n/dates';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';

export interface Shown {
  out: ScanOutcome;
  /** performance.now() when the code was complete (the scanner's last key, the decoder's reply). */
  startedAt: number;
  seq: number;
}

/** How long a verdict stays; the next badge is read (and replaces it) meanwhile. */
const SHOW_MS = { green: 4000, amber: 6000, red: 7000, not_a_badge: 2500 } as const;
const ICON = { green: '✓', amber: '!', red: '✕', not_a_badge: '?' } as const;

/**
 * Marks the time from the code to the painted verdict as the performance measure
 * 'hadir:code-to-verdict' (read by the e2e run and the benchmark). rAF runs just before the
 * frame is painted; a message posted from it is handled just after.
 */
function measurePaint(shown: Shown) {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () =>
      performance.measure('hadir:code-to-verdict', { start: shown.startedAt, end: performance.now(), detail: shown.out.verdict });
    ch.port2.postMessage(0);
  });
}

/**
 * The verdict, readable from two metres: a full colour panel with an icon (not colour alone), the
 * person's name in large type, and one line saying what to do. It closes by itself.
 */
export function VerdictCard({ shown, zone, onClose }: { shown: Shown | null; zone: TimeZone; onClose: () => void }) {
  const { t, lang } = useI18n();
  useLayoutEffect(() => {
    if (shown) measurePaint(shown);
  }, [shown]);
  useEffect(() => {
    if (!shown) return;
    const id = setTimeout(onClose, SHOW_MS[shown.out.verdict]);
    return () => clearTimeout(id);
  }, [shown, onClose]);

  if (!shown) {
    return (
      <div className="verdict verdict-idle" data-testid="verdict" data-verdict="idle">
        <div className="verdict-title">{t('checkin.idle.title')}</div>
        <div className="verdict-line">{t('checkin.idle.sub')}</div>
      </div>
    );
  }
  const { out } = shown;
  const p = out.participant;
  let title: string;
  let line: string;
  switch (out.reason) {
    case 'checked_in':
      title = t('checkin.green.title');
      line = t('checkin.green.detail', { day: out.day!.dayNo, time: eventTime(out.scan.at, zone, lang) });
      break;
    case 'already_checked_in':
      title = t('checkin.amber.title');
      line = t('checkin.amber.detail', { time: eventTime(out.previous!.at, zone, lang), desk: out.previous!.desk });
      break;
    case 'badge_replaced':
      title = t('checkin.red.badge_replaced');
      line = t('checkin.red.badge_replaced.detail', { date: longDate(out.replacedOn!, lang) });
      break;
    case 'other_event':
      title = t('checkin.red.other_event');
      line = t('checkin.red.other_event.detail', { event: out.otherEvent!.name });
      break;
    case 'not_event_day':
      title = t('checkin.red.not_event_day');
      line = t('checkin.red.not_event_day.detail');
      break;
    case 'not_a_badge':
      title = t('checkin.notBadge');
      line = t('checkin.notBadge.detail');
      break;
    default:
      title = t('checkin.red.not_registered');
      line = p ? t('checkin.red.removed.detail') : t('checkin.red.not_registered.detail');
  }
  const person = p;
  return (
    <div
      className={`verdict verdict-${out.verdict}`}
      data-testid="verdict"
      data-verdict={out.verdict}
      data-reason={out.reason}
      role="status"
      aria-live="assertive"
      key={shown.seq}
      // A tap closes it early (on a phone it covers the screen, phone.css); it also closes by itself.
      onClick={onClose}
    >
      <div className="verdict-head">
        <span className="verdict-icon" aria-hidden>
          {ICON[out.verdict]}
        </span>
        <span className="verdict-title">{title}</span>
      </div>
      {person && (
        <>
          <div className="verdict-name">{person.name}</div>
          <div className="verdict-meta">{[person.regency, person.role].filter(Boolean).join(' · ')}</div>
        </>
      )}
      <div className="verdict-line">{line}</div>
    </div>
  );
}
