import { useCallback, useEffect, useState } from 'react';
import type { Lang, Settings } from '../../electron/shared/contract';
import type { HadirEvent } from '../../electron/shared/event';
import { api, ApiError, rememberDesk, rememberedDesk, type Within } from './api';
import { I18nProvider, setZodLocale, translate, useI18n } from './i18n';
import { KioskExitPrompt } from './features/setup/KioskExitPrompt';
import { ErrorAlert } from './components/ErrorAlert';
import { DemoBanner } from './components/DemoMark';
import { Header, type Screen } from './components/Header';
import { readScreen, writeScreen } from './screen-memory';
import { SetupScreen } from './features/setup/SetupScreen';
import { EventScreen } from './features/event/EventScreen';
import { ParticipantsScreen } from './features/participants/ParticipantsScreen';
import { ImportScreen } from './features/import/ImportScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { BadgesScreen, type BadgeTarget } from './features/badges/BadgesScreen';
import { CheckinScreen } from './features/checkin/CheckinScreen';
import { CertificatesScreen } from './features/certificates/CertificatesScreen';
import { useLogoUrl } from './features/event/useLogoUrl';
import { DeskProvider } from './features/desk/desk-context';
import { DeviceCheckScreen } from './features/device-check/DeviceCheckScreen';
import { WorkerNotice } from './components/WorkerNotice';
import { checkWorkerFallback } from './worker-notice';
import { HubScreen } from './features/hub/HubScreen';
import { CHECKIN_SCREENS } from '../../electron/shared/desk-roles';
import { useDeskRole } from './features/desk/useDeskRole';
import { BOOT_ANSWER_MS, keepBoot, keptBoot, servedByShell } from './offline-shell';

/** What a desk keeps to open without the hub: the settings and the event it last opened. */
interface Boot {
  v: 1;
  settings: Settings;
  event: HadirEvent | null;
}
import { DeskRoleBar } from './features/desk/DeskRoleBar';

/** The event this desk last had open, if it still exists; else the kiosk's default; null when there is none. */
async function openingEvent(eventId: number | undefined, within: Within): Promise<HadirEvent | null> {
  if (eventId !== undefined) {
    try {
      return await api('event.get', { eventId }, within);
    } catch (e) {
      if (!(e instanceof ApiError && e.error.code === 'desk_event')) throw e;
    }
  }
  return api('event.get', {}, within);
}

export function App() {
  const [lang, setLangState] = useState<Lang>('id');
  // This desk's own event and name: another desk switching event leaves both alone.
  const [event, setEvent] = useState<HadirEvent | null | undefined>(undefined);
  const [desk, setDesk] = useState<string | null>(null);
  // Kept across reloads in this tab (issue 16, defect 12): a reload at the desk stays at the desk.
  const [chosenScreen, setScreenState] = useState<Screen>(() => readScreen() ?? 'participants');
  // A check-in-only desk on the venue network sees the check-in screens only (issue 19, item 7).
  const deskRole = useDeskRole();
  const only: readonly Screen[] | undefined = deskRole.checkinOnly ? CHECKIN_SCREENS : undefined;
  const screen: Screen = only && !only.includes(chosenScreen) ? 'checkin' : chosenScreen;
  const setScreen = useCallback((s: Screen) => (setScreenState(s), writeScreen(s)), []);
  const [loadError, setLoadError] = useState<unknown>(null);
  // "New event" from the Event screen: the setup screen again, with a way back.
  const [creating, setCreating] = useState(false);
  const [logoRev, setLogoRev] = useState(0);
  // "Name tag" on a participant's row: the badges screen opens for that one person.
  const [badgeFor, setBadgeFor] = useState<BadgeTarget | null>(null);
  const logoUrl = useLogoUrl(event, logoRev);
  // Whether the job worker fell back is asked at start and at each change of screen (worker-notice.ts).
  useEffect(() => checkWorkerFallback(), [screen]);

  const eventId = event?.id;
  const refreshEvent = useCallback(
    () => (eventId === undefined ? Promise.resolve() : api('event.get', { eventId }).then(setEvent)),
    [eventId],
  );

  useEffect(() => {
    (async () => {
      let s: Settings;
      let e: HadirEvent | null;
      let saved: ReturnType<typeof rememberedDesk>;
      const kept = keptBoot<Boot>();
      const canKeep = kept?.v === 1 && !!kept.event;
      // With a kept start to fall back on, a silent hub is waited for a few seconds, not minutes.
      const within: Within = canKeep && servedByShell() ? { waitMs: BOOT_ANSWER_MS } : {};
      try {
        s = await api('settings.get', {}, within);
        saved = rememberedDesk(s);
        e = await openingEvent(saved.eventId, within);
        keepBoot<Boot>({ v: 1, settings: s, event: e });
      } catch (error) {
        // A desk reloaded while the hub is unreachable opens with what it last had, so it can
        // go on scanning into its outbox (issue 19, item 3; offline-shell.ts).
        if (!(error instanceof ApiError && error.error.code === 'host_unreachable') || !canKeep) throw error;
        ({ settings: s, event: e } = kept);
        saved = rememberedDesk(s);
      }
      setLang(s.lang);
      const name = saved.name ?? translate(s.lang, 'desk.default');
      setDesk(name);
      setEvent(e);
      if (e && (e.id !== saved.eventId || name !== saved.name)) await rememberDesk({ name, eventId: e.id });
    })().catch(setLoadError);
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

  /** This desk opens another event (or one it just created); remembered for this desk only. */
  function openEvent(e: HadirEvent) {
    setEvent(e);
    if (desk) rememberDesk({ name: desk, eventId: e.id }).catch(setLoadError);
  }
  function renameDesk(name: string) {
    setDesk(name);
    if (event) rememberDesk({ name, eventId: event.id }).catch(setLoadError);
  }

  return (
    <I18nProvider lang={lang} setLang={chooseLang}>
      <div className="app">
        <Header
          event={event ?? null}
          logoUrl={logoUrl}
          screen={screen}
          onScreen={setScreen}
          desk={desk}
          onRenameDesk={renameDesk}
          only={only}
        />
        <main className={`main${(screen === 'checkin' || screen === 'certificates') && event ? ' main-wide' : ''}`}>
          <DeskRoleBar role={deskRole} />
          {/* A revoked desk's role line says it all: not the same refusal twice. */}
          <ErrorAlert error={deskRole.revoked ? null : loadError} />
          <WorkerNotice />
          {/* The device check needs no event: from the welcome screen it opens before one exists. */}
          {screen === 'device' && desk !== null && event !== undefined && (
            <DeviceCheckScreen
              eventId={event?.id}
              onBack={event && !creating ? undefined : () => setScreen('participants')}
            />
          )}
          {(event === null || creating) && desk !== null && screen !== 'device' && (
            <SetupScreen
              desk={desk}
              onCreated={(e) => (openEvent(e), setCreating(false), setScreen('participants'))}
              onCancel={event ? () => setCreating(false) : undefined}
              onDeviceCheck={() => setScreen('device')}
            />
          )}
          {event && desk !== null && !creating && screen !== 'device' && (
            <DeskProvider scope={{ eventId: event.id, desk }}>
              {event.archived && <ArchivedBanner />}
              {event.demo && (screen === 'badges' || screen === 'certificates') && <DemoBanner />}
              {screen === 'participants' && (
                <ParticipantsScreen
                  event={event}
                  onChanged={refreshEvent}
                  onImport={() => setScreen('import')}
                  onBadge={(p) => (setBadgeFor({ id: p.id, name: p.name }), setScreen('badges'))}
                />
              )}
              {screen === 'checkin' && (
                <CheckinScreen key={event.id} event={event} onPrintTag={(p) => (setBadgeFor(p), setScreen('badges'))} />
              )}
              {screen === 'import' && <ImportScreen onDone={() => (void refreshEvent(), setScreen('participants'))} />}
              {screen === 'reports' && <ReportsScreen event={event} />}
              {screen === 'certificates' && <CertificatesScreen key={event.id} event={event} />}
              {screen === 'hub' && <HubScreen zone={event.timeZone} />}
              {screen === 'badges' && <BadgesScreen target={badgeFor} onTargetDone={() => undefined} />}
              {screen === 'event' && (
                <EventScreen
                  event={event}
                  logoUrl={logoUrl}
                  onSaved={setEvent}
                  onOpen={openEvent}
                  onLogoChanged={(e) => (setEvent(e), setLogoRev((r) => r + 1))}
                  onNew={() => setCreating(true)}
                />
              )}
            </DeskProvider>
          )}
        </main>
      </div>
      <KioskExitPrompt />
    </I18nProvider>
  );
}

/** An archived event stays readable at this desk; every recording operation is refused (desk_event). */
function ArchivedBanner() {
  const { t } = useI18n();
  return (
    <div className="alert alert-warn" role="status">
      {t('event.archivedBanner')}
    </div>
  );
}
