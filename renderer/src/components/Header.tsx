import type { HadirEvent } from '../../../electron/shared/event';
import { LANGS } from '../../../electron/shared/contract';
import { useI18n, type MsgKey } from '../i18n';
import { DeskName } from './DeskName';
import { DemoTag } from './DemoMark';
import './header-phone.css';

export type Screen = 'checkin' | 'participants' | 'import' | 'badges' | 'certificates' | 'reports' | 'event' | 'device' | 'hub';
const SCREENS: { id: Screen; label: MsgKey }[] = [
  { id: 'checkin', label: 'nav.checkin' },
  { id: 'participants', label: 'nav.participants' },
  { id: 'import', label: 'nav.import' },
  { id: 'badges', label: 'nav.badges' },
  { id: 'certificates', label: 'nav.certificates' },
  { id: 'reports', label: 'nav.reports' },
  { id: 'event', label: 'nav.event' },
  { id: 'device', label: 'nav.device' },
  { id: 'hub', label: 'nav.hub' },
];
export const SCREEN_IDS: readonly Screen[] = SCREENS.map((s) => s.id);

export function Header({
  event,
  logoUrl,
  screen,
  onScreen,
  desk,
  onRenameDesk,
  only,
}: {
  event: HadirEvent | null;
  logoUrl: string | null;
  screen: Screen;
  onScreen: (s: Screen) => void;
  /** This desk's name; null until it is known. */
  desk: string | null;
  onRenameDesk: (name: string) => void;
  /** The screens this desk may open (a check-in-only desk, issue 19 item 7); all when absent. */
  only?: readonly Screen[];
}) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className={`header${event?.demo ? ' header-demo' : ''}`}>
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          {logoUrl ? <img src={logoUrl} alt="" /> : '✓'}
        </span>
        <div className="brand-text">
          <div className="brand-name">{t('app.name')}</div>
          {/* Cut with an ellipsis where the menu begins; the whole name on hover (issue 16, defect 9). */}
          <div className="brand-sub" title={event ? event.name : undefined}>
            {event?.demo && <DemoTag />}
            {event ? event.name : t('app.tagline')}
          </div>
        </div>
      </div>
      {event && (
        <nav className="nav" aria-label="main">
          {SCREENS.filter((s) => !only || only.includes(s.id)).map((s) => (
            <button
              key={s.id}
              className={`nav-item${screen === s.id ? ' active' : ''}`}
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => onScreen(s.id)}
            >
              {t(s.label)}
            </button>
          ))}
        </nav>
      )}
      {desk !== null && <DeskName name={desk} onRename={onRenameDesk} />}
      <div className="lang" role="group" aria-label={t('lang.label')}>
        {LANGS.map((l) => (
          <button
            key={l}
            className={`lang-item${lang === l ? ' active' : ''}`}
            aria-pressed={lang === l}
            onClick={() => setLang(l)}
          >
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
