import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { PendingShown, ScanInput, ScanOutcome } from '../../../../electron/shared/checkin';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api, ApiError, inElectron } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { CameraPanel } from './CameraPanel';
import { Counters } from './Counters';
import { DayBar, eventDayAt } from './DayBar';
import { ManualSearch } from './ManualSearch';
import { readFlag, writeFlag } from './prefs';
import { readDayChoice, readLastGreen, writeDayChoice, writeLastGreen } from './desk-memory';
import { eventTime, localDate } from '../../../../electron/shared/time-zone';
import { useDesk } from '../desk/desk-context';
import { RepeatFilter } from './repeat-filter';
import { playVerdict } from './sounds';
import { UndoDialog } from './UndoDialog';
import { useStats } from './useStats';
import { useWedge } from './useWedge';
import { VerdictCard, type Shown } from './VerdictCard';
import { WalkInDialog } from './WalkInDialog';
import { enqueue, newScanUuid, type QueuedScan } from './outbox';
import { ProvisionalCard } from './ProvisionalCard';
import { useOutbox } from './useOutbox';
import { markPresent, provisionalRead, refreshSnapshot, storedSnapshot, type ProvisionalRead, type Snapshot } from './snapshot';
import { parseBadgeText } from '../../../../electron/shared/badge-payload';
import './checkin.css';
import './phone.css';

/** The desk reads the event's badges again this often while the hub answers (snapshot.ts). */
const SNAPSHOT_MS = 120_000;

// A verdict re-renders the screen; these parts do not change with it, and skipping them keeps
// the verdict's own render short (code -> painted verdict, docs/engineering/checkin-decoder.md).
const StillCamera = memo(CameraPanel);
const StillDayBar = memo(DayBar);
const StillCounters = memo(Counters);

/**
 * The check-in desk. Three inputs (webcam, handheld scanner, search) feed one call,
 * `checkin.scan`, naming this desk's event and the desk; the verdict is drawn from what that call
 * returns, i.e. after the commit. The same code within 3 seconds is ignored (a badge held in
 * front of the camera counts once); every other read is logged by the core, failed ones included.
 */
/** What the desk showed for a provisional read, as the scan log records it (reconciliation). */
const SHOWN_FOR: Record<ProvisionalRead['kind'], PendingShown> = {
  present: 'pending',
  unknown: 'pending_unknown',
  already: 'pending_already',
  replaced: 'pending_replaced',
};

export function CheckinScreen({
  event,
  onPrintTag,
}: {
  event: HadirEvent;
  /** Opens the badges screen for one person (the walk-in's tag). */
  onPrintTag: (p: { id: number; name: string }) => void;
}) {
  const { t, lang } = useI18n();
  // The desk's name is the one in the header (features/desk), the same for every screen.
  const { desk } = useDesk();
  const [muted, setMuted] = useState(() => readFlag('muted', false));
  // The operator's day; null = today's date in the event's time zone. Remembered for today only
  // (desk-memory.ts): a reload keeps it, tomorrow the desk follows the calendar again.
  const today = localDate(new Date(), event.timeZone);
  const [day, setDayState] = useState<number | null>(() => readDayChoice(event.id, desk, today));
  const setDay = useCallback(
    (d: number | null) => (setDayState(d), writeDayChoice(event.id, desk, today, d)),
    [event.id, desk, today],
  );
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The check-in the undo button takes back, kept across screens and reloads.
  const [lastGreen, setLastGreenState] = useState<ScanOutcome | null>(() => readLastGreen(event.id, desk));
  const setLastGreen = useCallback(
    (out: ScanOutcome | null) => (setLastGreenState(out), writeLastGreen(event.id, desk, out)),
    [event.id, desk],
  );
  const [undoing, setUndoing] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // The walk-in just added: their tag is one click away.
  const [printFor, setPrintFor] = useState<{ id: number; name: string } | null>(null);
  const stats = useStats(event.id, day);
  // Scans made while the hub could not be reached (issue 19): kept on this desk, sent in order.
  const outboxNow = useOutbox(stats.refresh);
  // Read through a ref: `submit` must stay the same function (the scanner's listener holds it).
  const outboxRef = useRef(outboxNow);
  outboxRef.current = outboxNow;
  const [provisional, setProvisional] = useState<{ scan: QueuedScan; read: ProvisionalRead } | null>(null);
  // The event's badges as last read, for the provisional verdict's name (snapshot.ts).
  const snapshot = useRef<Snapshot | null>(null);
  useEffect(() => {
    if (inElectron()) return;
    let live = true;
    void storedSnapshot(event.id).then((s) => live && (snapshot.current ??= s), () => undefined);
    const read = () => refreshSnapshot(event.id).then((s) => live && (snapshot.current = s), () => undefined);
    void read();
    const id = setInterval(read, SNAPSHOT_MS);
    return () => ((live = false), clearInterval(id));
  }, [event.id]);
  const repeat = useRef(new RepeatFilter());
  // A badge seen a moment ago on another day is a new scan for this one: the repeat window is per day.
  useEffect(() => {
    repeat.current = new RepeatFilter();
  }, [event.id, day]);
  const seq = useRef(0);
  const newest = useRef(0);

  const show = useCallback(
    (out: ScanOutcome, startedAt: number, n: number) => {
      // Replies can overtake each other; an older one never replaces a newer verdict.
      if (n < newest.current) return;
      newest.current = n;
      setShown({ out, startedAt, seq: n });
      if (!muted) playVerdict(out.verdict);
      if (out.verdict === 'green') setLastGreen(out);
      stats.refreshSoon();
    },
    [muted, stats.refreshSoon, setLastGreen],
  );

  const submit = useCallback(
    async (text: string, input: ScanInput, startedAt = performance.now()) => {
      if ((input === 'camera' || input === 'scanner') && !repeat.current.accept(text, performance.now())) return;
      const n = ++seq.current;
      // The desk's own id and time for this scan: if the hub cannot be reached it waits in the
      // outbox with them, and the hub stores it once, counted at this time (issue 19, item 3).
      const queued: QueuedScan = {
        uuid: newScanUuid(),
        eventId: event.id,
        desk,
        text,
        input,
        day,
        at: new Date().toISOString(),
      };
      const outbox = outboxRef.current;
      const keep = async () => {
        const parsed = parseBadgeText(text);
        const code = parsed.kind === 'not_a_badge' ? null : parsed.code;
        // The day it counts for: the operator's, else today's date in the event's time zone.
        const dayNo = day ?? eventDayAt(event, new Date(queued.at))?.dayNo ?? null;
        // From the snapshot: already in today, a replaced badge, a person, or unknown (issue 19).
        // A scan in the first moment after the page opened (reloaded without the hub) waits for
        // the stored snapshot instead of calling a known badge unknown.
        snapshot.current ??= await storedSnapshot(event.id).catch(() => null);
        const read = provisionalRead(snapshot.current, code, dayNo);
        markPresent(snapshot.current, code, dayNo);
        // What this desk shows goes with the scan: the hub's reconciliation reports it (issue 19, item 5).
        const kept: QueuedScan = { ...queued, shown: SHOWN_FOR[read.kind] };
        await enqueue(kept);
        if (n < newest.current) return;
        newest.current = n;
        setShown(null);
        setProvisional({ scan: kept, read });
        outbox.setOffline(true);
        outbox.setWaiting((w) => w + 1);
        if (!muted) playVerdict('amber');
      };
      try {
        // Scans already waiting go first: this one joins the queue behind them.
        if (!inElectron() && outbox.waiting > 0) {
          await keep();
          void outbox.kick();
          return;
        }
        const { at: _at, ...now } = queued;
        const out = await api('checkin.scan', now);
        setError(null);
        setProvisional(null);
        if (outbox.offline) outbox.setOffline(false);
        show(out, startedAt, n);
      } catch (e) {
        if (!inElectron() && e instanceof ApiError && e.error.code === 'host_unreachable') {
          await keep().catch(setError);
          return;
        }
        setError(e);
      }
    },
    [event.id, event.days, event.timeZone, desk, day, show, muted],
  );

  const closeVerdict = useCallback(() => setShown(null), []);
  const closeProvisional = useCallback(() => setProvisional(null), []);
  useWedge(!undoing && !walkIn, (text, at) => void submit(text, 'scanner', at));
  // Returns once the verdict is set: the decoder waits for its paint before the next frame.
  const onCameraText = useCallback((text: string, at: number) => submit(text, 'camera', at), [submit]);

  useEffect(() => writeFlag('muted', muted), [muted]);
  useEffect(() => {
    if (!note) return;
    const id = setTimeout(() => (setNote(null), setPrintFor(null)), 20_000);
    return () => clearTimeout(id);
  }, [note]);

  return (
    <div className="checkin">
      {/* Every screen has its h1 (axe, issue 9); the desk's layout says where it is already. */}
      <h1 className="sr-only">{t('nav.checkin')}</h1>
      <StillDayBar event={event} stats={stats.data} day={day} onDay={setDay} muted={muted} onMuted={setMuted} />
      {outboxNow.offline ? (
        <div className="alert alert-warn checkin-offline" role="alert" data-testid="checkin-offline">
          {outboxNow.since
            ? t('outbox.offlineSince', { n: outboxNow.waiting, time: eventTime(outboxNow.since, event.timeZone, lang) })
            : t('outbox.offline', { n: outboxNow.waiting })}
        </div>
      ) : (
        <ErrorAlert error={error ?? stats.error} />
      )}
      <div className="checkin-grid">
        <section className="checkin-left">
          <StillCamera onText={onCameraText} />
          <ManualSearch
            eventId={event.id}
            zone={event.timeZone}
            day={day}
            onCheckIn={(code) => void submit(code, 'search')}
            refreshKey={shown?.seq ?? 0}
          />
        </section>
        <section className="checkin-right">
          {provisional && !shown ? (
            <ProvisionalCard scan={provisional.scan} read={provisional.read} zone={event.timeZone} onClose={closeProvisional} />
          ) : (
            <VerdictCard shown={shown} zone={event.timeZone} onClose={closeVerdict} />
          )}
          <div className="checkin-actions">
            {lastGreen?.participant && (
              <button className="btn btn-secondary" onClick={() => setUndoing(true)}>
                {t('checkin.undo.open', { name: lastGreen.participant.name })}
              </button>
            )}
            <button className="btn btn-primary" onClick={() => setWalkIn(true)}>
              {t('checkin.walkin.open')}
            </button>
          </div>
          {note && (
            <div className="alert alert-ok checkin-note" role="status">
              <span>{note}</span>
              {printFor && (
                <button className="btn btn-primary" onClick={() => onPrintTag(printFor)}>
                  {t('checkin.walkin.print')}
                </button>
              )}
            </div>
          )}
          <StillCounters stats={stats.data} />
        </section>
      </div>
      {undoing && lastGreen?.participant && lastGreen.day && (
        <UndoDialog
          eventId={event.id}
          desk={desk}
          outcome={lastGreen}
          onClose={() => setUndoing(false)}
          onDone={(u) => {
            setUndoing(false);
            setLastGreen(null);
            setShown(null);
            setNote(t('checkin.undo.done', { name: u.participant.name, day: u.day.dayNo }));
            setPrintFor(null);
            stats.refresh();
          }}
        />
      )}
      {walkIn && (
        <WalkInDialog
          event={event}
          desk={desk}
          day={day}
          onClose={() => setWalkIn(false)}
          onDone={(out) => {
            setWalkIn(false);
            setNote(t('checkin.walkin.done', { name: out.participant!.name, code: out.participant!.code }));
            setPrintFor({ id: out.participant!.id, name: out.participant!.name });
            show(out, performance.now(), ++seq.current);
          }}
        />
      )}
    </div>
  );
}
