import type http from 'node:http';
import type { Ctx } from '../core/context';
import { readEvent } from '../core/checkin/event-of';
import { stats } from '../core/checkin/stats';
import type { LiveCounters } from '../shared/checkin-live';
import type { OpName } from '../shared/op-names';

/**
 * Live updates across desks (issue 19, item 4): every desk keeps one server-sent-events stream
 * open (GET /api/live); when any desk records a check-in, every stream gets a one-line event
 * naming the event, and each desk reads its counters and last scans again. The event carries no
 * personal data: a desk fetches what it may see through the normal, keyed operations.
 */
export interface LiveChange {
  /** The event whose attendance changed. */
  eventId: number;
  /** The operation that changed it. */
  op: OpName;
  /**
   * The hub's count of changes so far; the answer to the operation carries the same number
   * (header `x-hadir-live-seq`), so a desk or a benchmark can tell which change is which.
   */
  seq: number;
}

/** Response header: the `seq` of the change an operation's answer announced on the live stream. */
export const LIVE_SEQ_HEADER = 'x-hadir-live-seq';

/** Operations whose success changes attendance, counters or the last scans at every desk. */
const CHANGES_ATTENDANCE: ReadonlySet<OpName> = new Set<OpName>([
  'checkin.scan',
  'checkin.undo',
  'checkin.walkIn',
  'participants.create',
  'participants.update',
  'participants.delete',
  'participants.restore',
  'participants.importCommit',
  'event.importFile',
]);

/**
 * A comment line this often keeps the connection alive through Wi-Fi routers and proxies that
 * drop idle ones, and lets the host notice a desk that went away.
 */
const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after a dropped stream (its `retry:` field). */
const RETRY_MS = 1_000;
/**
 * The day's counters go out at most this often per event (issue 19, item 2): ten desks scanning
 * flat out make dozens of changes a second, and the counters cost ~5.7 ms at 5,000 people. The
 * first change of a quiet spell is counted at once (after its answer is sent), a burst's last one
 * at most this much later. A desk read them itself after every change before, every 750 ms.
 */
const COUNT_GAP_MS = 250;
/** As many last scans as a desk's `checkin.stats` asks by default (its counters card). */
const RECENT = 20;

/** Counts one event's day as `checkin.stats {eventId, day: null}` answers it (the event's default when none is named). */
type CountFn = (eventId: number | undefined) => LiveCounters;

export class LiveFeed {
  private readonly streams = new Set<http.ServerResponse>();
  /** The desk (hub-desks.ts id) each stream belongs to, so revoking a desk ends its stream. */
  private readonly tags = new Map<http.ServerResponse, string>();
  private readonly beat: NodeJS.Timeout;
  private seq = 0;
  private count: CountFn | null = null;
  private onCountError: (e: unknown) => void = () => {};
  /** Events changed since the counters last went out, with the last change's seq. */
  private readonly dirty = new Map<number | undefined, number>();
  private countTimer: NodeJS.Timeout | null = null;
  private lastCount = 0;

  constructor() {
    this.beat = setInterval(() => this.write(': beat\n\n'), HEARTBEAT_MS);
    this.beat.unref();
  }

  /** Serves one desk's stream until it closes. */
  attach(req: http.IncomingMessage, res: http.ServerResponse, tag?: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // A reverse proxy must not hold events back in its buffer.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n: hadir live\n\n`);
    // The desk learns that counters come with the changes: it stops re-reading them (and polling).
    if (this.count) res.write(`event: ready\ndata: {"counters":true}\n\n`);
    this.streams.add(res);
    if (tag) this.tags.set(res, tag);
    req.socket.setKeepAlive(true);
    const drop = () => (this.streams.delete(res), this.tags.delete(res));
    req.on('close', drop);
    res.on('error', drop);
  }

  /** Tells every desk about a successful operation, when it is one that changes attendance. */
  published(op: OpName, input: unknown, ok: boolean): number | null {
    if (!ok || !CHANGES_ATTENDANCE.has(op)) return null;
    const eventId = (input as { eventId?: unknown } | null)?.eventId;
    const seq = ++this.seq;
    const change: Partial<LiveChange> = { op, ...(typeof eventId === 'number' ? { eventId } : {}), seq };
    this.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    if (this.count && this.streams.size > 0) {
      this.dirty.set(typeof eventId === 'number' ? eventId : undefined, seq);
      this.countTimer ??= setTimeout(() => this.sendCounters(), Math.max(0, this.lastCount + COUNT_GAP_MS - Date.now()));
    }
    return seq;
  }

  /**
   * Sends the day's counters after changes (issue 19, item 2): computed once per event for every
   * desk, not read by each desk. Nobody listening: nothing is computed.
   */
  countFrom(ctx: Ctx): void {
    if (this.count) return;
    this.count = (eventId) => {
      const event = readEvent(ctx, eventId);
      return { eventId: event.id, stats: stats(ctx, { eventId: event.id, day: null, recent: RECENT }) };
    };
    this.onCountError = (e) => ctx.log.warn({ err: e }, 'live counters not computed');
  }

  private sendCounters(): void {
    this.countTimer = null;
    this.lastCount = Date.now();
    const dirty = [...this.dirty];
    this.dirty.clear();
    if (!this.count || this.streams.size === 0) return;
    for (const [eventId, through] of dirty) {
      let body: string;
      try {
        // `through`, not `seq`: the change events alone carry a seq (what the benchmark times).
        body = JSON.stringify({ ...this.count(eventId), through });
      } catch (e) {
        // No event, a restore under way: the desks read the counters themselves (`stats: null`).
        this.onCountError(e);
        body = JSON.stringify({ eventId: eventId ?? null, through, stats: null });
      }
      this.write(`event: counters\ndata: ${body}\n\n`);
    }
  }

  /** Ends the streams of one desk (it was revoked). */
  dropTagged(tag: string): void {
    for (const [res, t] of this.tags) {
      if (t !== tag) continue;
      res.end();
      this.streams.delete(res);
      this.tags.delete(res);
    }
  }

  /** Desks connected now. */
  get size(): number {
    return this.streams.size;
  }

  /** Ends every stream (a new access key: no desk keeps listening with the old one). */
  dropAll(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
    this.tags.clear();
  }

  close(): void {
    clearInterval(this.beat);
    if (this.countTimer) clearTimeout(this.countTimer);
    this.countTimer = null;
    this.dropAll();
  }

  private write(text: string) {
    for (const res of this.streams) res.write(text);
  }
}
