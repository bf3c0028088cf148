// Live updates across desks (issue 19, item 4): the web host sends a one-line event on every
// check-in at any desk (electron/web/live.ts); a desk then reads its counters, last scans and
// dashboard again. In Electron there is one desk and no stream: screens keep their polling.
import { useEffect, useRef } from 'react';
import type { LiveCounters } from '../../electron/shared/checkin-live';
import { openLiveStream } from './api';
import { onDeskSession } from './desk-session';

type Listener = (eventId: number | undefined) => void;
const listeners = new Set<Listener>();
/** The day's counters the host pushes after changes (issue 19, item 2), and "read again now" after a gap. */
type CounterListener = { counters: (c: LiveCounters) => void; reopen: () => void };
const counterListeners = new Set<CounterListener>();
let source: EventSource | null = null;
/** The stream now open said it pushes counters (`event: ready`): the counters are not polled or re-read. */
let pushing = false;
/** A stream was open before on this page: any later open (reconnect, rejoin) may have missed changes. */
let everOpened = false;

function open() {
  source?.close();
  pushing = false;
  source = openLiveStream(
    (data) => {
      let eventId: number | undefined;
      try {
        eventId = (JSON.parse(data) as { eventId?: number }).eventId;
      } catch {
        eventId = undefined; // a change all the same: read again
      }
      for (const l of listeners) l(eventId);
    },
    {
      ready: (data) => (pushing = /"counters":true/.test(data)),
      counters: (data) => {
        let c: LiveCounters;
        try {
          c = JSON.parse(data) as LiveCounters;
        } catch {
          c = { eventId: null, stats: null };
        }
        for (const l of counterListeners) l.counters(c);
      },
      // EventSource reconnected by itself (the hub restarted, the Wi-Fi came back), or the desk
      // joined again: changes may have been missed meanwhile, so every screen reads again once
      // (the page's first open is no gap: its screens have just read).
      open: () => {
        if (everOpened) gap();
        everOpened = true;
      },
    },
  );
  source?.addEventListener('error', () => (pushing = false));
}

/** Changes may have been missed: every screen, counters included, reads again. */
function gap() {
  for (const l of listeners) l(undefined);
  for (const l of counterListeners) l.reopen();
}

/** The open live stream pushes the day's counters: a desk shows them instead of reading them. */
export const livePushesCounters = (): boolean => pushing && source?.readyState === EventSource.OPEN;

function release() {
  if (listeners.size === 0 && counterListeners.size === 0) (source?.close(), (source = null), (pushing = false));
}

// EventSource reconnects by itself after a dropped connection (the host says after 1 s). A phone
// whose screen was off may have lost the stream for good, and missed events while asleep: when
// the page is seen again it reopens a closed stream and every screen reads again at once.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || listeners.size + counterListeners.size === 0) return;
    if (!source || source.readyState === EventSource.CLOSED) open();
    gap();
  });
}

// A desk that joined again (the hub restarted, or it became an organiser desk) has a new token:
// the stream opened with the old one was refused for good, so it is opened again.
onDeskSession(() => {
  if (listeners.size + counterListeners.size > 0) open();
});

/**
 * At most one read per this long per screen: ten desks scanning flat out send several changes a
 * second, and each desk must not read its counters (and the kiosk compute them) for every one.
 * The first change is read at once, the last one of a burst at most this much later: well
 * within the 2 s the issue asks.
 */
const COALESCE_MS = 750;

/** Calls `onChange` when attendance of `eventId` changed at any desk (or may have, after sleep). */
export function useLiveChanges(eventId: number, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let timer: number | undefined;
    let last = 0;
    const fire = () => ((timer = undefined), (last = Date.now()), latest.current());
    const l: Listener = (id) => {
      if ((id !== undefined && id !== eventId) || timer !== undefined) return;
      timer = window.setTimeout(fire, Math.max(0, last + COALESCE_MS - Date.now()));
    };
    listeners.add(l);
    if (!source || source.readyState === EventSource.CLOSED) open();
    return () => {
      clearTimeout(timer);
      listeners.delete(l);
      release();
    };
  }, [eventId]);
}

/**
 * The day's counters of `eventId` as the host pushes them after any desk's change (issue 19, item
 * 2), and `reopen` when the stream was away (reconnected, the phone's screen back on): read them
 * then. None in Electron (no stream: the counters screen polls).
 */
export function useLiveCounters(eventId: number, on: { counters: (c: LiveCounters) => void; reopen: () => void }): void {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    const l: CounterListener = {
      counters: (c) => (c.eventId === eventId || c.eventId === null) && latest.current.counters(c),
      reopen: () => latest.current.reopen(),
    };
    counterListeners.add(l);
    if (!source || source.readyState === EventSource.CLOSED) open();
    return () => {
      counterListeners.delete(l);
      release();
    };
  }, [eventId]);
}
