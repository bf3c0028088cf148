import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../electron/shared/contract';
import type { HadirEvent } from '../../electron/shared/event';
import { api } from './api';
import { I18nProvider, setZodLocale } from './i18n';
import { ErrorAlert } from './components/ErrorAlert';
import { Header, type Screen } from './components/Header';
import { SetupScreen } from './features/setup/SetupScreen';
import { EventScreen } from './features/event/EventScreen';
import { ParticipantsScreen } from './features/participants/ParticipantsScreen';
import { ImportScreen } from './features/import/ImportScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { BadgesScreen, type BadgeTarget } from './features/badges/BadgesScreen';
import { CheckinScreen } from './features/checkin/CheckinScreen';
import { useLogoUrl } from './features/event/useLogoUrl';

export function App() {
  const [lang, setLangState] = useState<Lang>('id');
  const [event, setEvent] = useState<HadirEvent | null | undefined>(undefined);
  const [screen, setScreen] = useState<Screen>('participants');
  const [loadError, setLoadError] = useState<unknown>(null);
  // "New event" from the Event screen: the setup screen again, with a way back.
  const [creating, setCreating] = useState(false);
  const [logoRev, setLogoRev] = useState(0);
  // "Name tag" on a participant's row: the badges screen opens for that one person.
  const [badgeFor, setBadgeFor] = useState<BadgeTarget | null>(null);
  const logoUrl = useLogoUrl(event, logoRev);

  const refreshEvent = useCallback(() => api('event.get', {}).then(setEvent), []);

  useEffect(() => {
    Promise.all([api('settings.get', {}), api('event.get', {})])
      .then(([s, e]) => {
        setLang(s.lang);
        setEvent(e);
      })
      .catch(setLoadError);
  }, []);

  function setLang(l: Lang) {
    setZodLocale(l);
    document.documentElement.lang = l;
    setLangState(l);
  }
  const chooseLang = useCallback((l: Lang) => {
    setLang(l);
    // If saving fails (no access key, host gone) the screen still switches; only the choice is not kept.
    api('settings.set', { lang: l }).catch(() => undefined);
  }, []);

  return (
    <I18nProvider lang={lang} setLang={chooseLang}>
      <div className="app">
        <Header event={event ?? null} logoUrl={logoUrl} screen={screen} onScreen={setScreen} />
        <main className={`main${screen === 'checkin' && event ? ' main-wide' : ''}`}>
          <ErrorAlert error={loadError} />
          {(event === null || creating) && (
            <SetupScreen
              onCreated={(e) => (setEvent(e), setCreating(false), setScreen('participants'))}
              onCancel={event ? () => setCreating(false) : undefined}
            />
          )}
          {event && !creating && screen === 'participants' && (
            <ParticipantsScreen
              event={event}
              onChanged={refreshEvent}
              onImport={() => setScreen('import')}
              onBadge={(p) => (setBadgeFor({ id: p.id, name: p.name }), setScreen('badges'))}
            />
          )}
          {event && !creating && screen === 'checkin' && (
            <CheckinScreen key={event.id} event={event} onPrintTag={(p) => (setBadgeFor(p), setScreen('badges'))} />
          )}
          {event && !creating && screen === 'import' && (
            <ImportScreen onDone={() => (void refreshEvent(), setScreen('participants'))} />
          )}
          {event && !creating && screen === 'reports' && <ReportsScreen event={event} />}
          {event && !creating && screen === 'badges' && <BadgesScreen target={badgeFor} onTargetDone={() => undefined} />}
          {event && !creating && screen === 'event' && (
            <EventScreen
              event={event}
              logoUrl={logoUrl}
              onSaved={setEvent}
              onLogoChanged={(e) => (setEvent(e), setLogoRev((r) => r + 1))}
              onNew={() => setCreating(true)}
            />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
