import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../electron/shared/checkin';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';

/**
 * The third input: find a person by name when the badge is lost, unreadable or forgotten.
 * Each hit shows regency and institution, so two people named Siti Aminah are told apart, and
 * whether they are already in. The button calls the same checkin.scan as a badge would.
 */
export function ManualSearch({
  eventId,
  zone,
  day,
  onCheckIn,
  refreshKey,
}: {
  eventId: number;
  zone: TimeZone;
  day: number | null;
  onCheckIn: (code: string) => void;
  refreshKey: number;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResult[] | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return setHits(null);
    const n = ++asked.current;
    const id = setTimeout(() => {
      api('checkin.search', { eventId, query: q, day, limit: 6 }).then(
        (r) => n === asked.current && setHits(r),
        () => n === asked.current && setHits([]),
      );
    }, 150);
    return () => clearTimeout(id);
  }, [query, eventId, day, refreshKey]);

  return (
    <div className="manual">
      <label className="manual-label" htmlFor="checkin-search">
        {t('checkin.search.label')}
      </label>
      <input
        id="checkin-search"
        type="search"
        className="manual-input"
        value={query}
        placeholder={t('checkin.search.ph')}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      {hits && hits.length === 0 && <p className="muted">{t('checkin.search.none')}</p>}
      {hits && hits.length > 0 && (
        <ul className="manual-hits" data-testid="search-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <div className="manual-who">
                <div className="manual-name">{h.name}</div>
                <div className="manual-meta">{[h.regency, h.institution, h.role].filter(Boolean).join(' · ')}</div>
              </div>
              {h.presentAt ? (
                <span className="manual-in">{t('checkin.search.present', { time: eventTime(h.presentAt, zone, lang) })}</span>
              ) : (
                <button className="btn btn-primary" onClick={() => onCheckIn(h.code)}>
                  {t('checkin.search.checkin')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
