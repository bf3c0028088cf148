import type { CheckinStats, CountRow, RecentScan } from '../../../../electron/shared/checkin';
import { useI18n, type MsgKey } from '../../i18n';
import { eventTime } from '../../../../electron/shared/time-zone';

/** Each reason in a word or two: a red row says why it was refused. */
const SHORT: Record<RecentScan['reason'], MsgKey> = {
  checked_in: 'checkin.short.checked_in',
  already_checked_in: 'checkin.short.already_checked_in',
  not_registered: 'checkin.short.not_registered',
  badge_replaced: 'checkin.short.badge_replaced',
  other_event: 'checkin.short.other_event',
  not_event_day: 'checkin.short.not_event_day',
  not_a_badge: 'checkin.short.not_a_badge',
  undo: 'checkin.short.undo',
};

function Bars({ title, rows, empty }: { title: string; rows: CountRow[]; empty: string }) {
  // It scrolls (a province has dozens of regencies): a keyboard must be able to reach and scroll
  // it (axe scrollable-region-focusable, issue 16, defect 10).
  return (
    <div className="counts" tabIndex={0} role="region" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.name}>
            <span className="counts-name">{r.name || empty}</span>
            <span className="counts-bar" aria-hidden>
              <span style={{ width: `${r.expected ? (r.present / r.expected) * 100 : 0}%` }} />
            </span>
            <span className="counts-num">
              {r.present}/{r.expected}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Present of expected on the desk's day, per role and regency, and the last scans of every desk. */
export function Counters({ stats }: { stats: CheckinStats | null }) {
  const { t, lang } = useI18n();
  if (!stats) return null;
  return (
    <div className="counters">
      <div className="counters-total" data-testid="checkin-total">
        <span className="counters-big">{stats.present}</span>
        <span className="counters-of">{t('checkin.counters.of', { expected: stats.expected })}</span>
      </div>
      <div className="counters-cols">
        <div className="counters-groups">
          <Bars title={t('checkin.counters.byRole')} rows={stats.byRole} empty="—" />
          <Bars title={t('checkin.counters.byRegency')} rows={stats.byRegency} empty={t('checkin.counters.noRegency')} />
        </div>
        <div className="recent">
          <h2>{t('checkin.recent')}</h2>
          {stats.recent.length === 0 && <p className="muted small">{t('checkin.recent.empty')}</p>}
          <ol data-testid="recent-scans" tabIndex={0} aria-label={t('checkin.recent')}>
            {stats.recent.map((r) => (
              <li key={r.uuid} className={`recent-${r.verdict}`}>
                <span className="recent-time">{eventTime(r.at, stats.timeZone, lang)}</span>
                <span className="recent-what">{t(SHORT[r.reason])}</span>
                <span className="recent-name">{r.name ?? r.rawCode.slice(0, 24)}</span>
                <span className="recent-desk">{r.desk}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}
