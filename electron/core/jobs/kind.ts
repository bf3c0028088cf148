/**
 * A job kind: the part of a long job that runs in a worker thread. It is a pure function: plain
 * data in (structured-cloneable; bytes as Uint8Array), plain data or bytes out. It never opens
 * the database or any Electron API: the handler on the main thread reads what the kind needs,
 * hands it over, and writes the result back. That is what lets it run off the thread that answers
 * the desks.
 *
 * A kind needs no cancellation checks: cancelling a job terminates its worker thread, which stops
 * any loop, synchronous or not, and frees everything the kind held.
 */
export interface KindIo {
  /** Report progress; cheap to call often (the worker forwards at most ~20 updates a second). */
  progress(done: number, total: number): void;
  /**
   * Hands part of the result over before the kind returns, for results too large to pass in one
   * message (copying a message into the main thread blocks it). Resolves once the main thread has
   * taken the part: awaiting it sends parts one per event-loop turn there, so a 50,000-row table
   * in 2,000-row parts never blocks the desks for more than one part's worth of copying. (Sent
   * without waiting, queued parts are all read in one turn.)
   */
  part(chunk: unknown): Promise<void>;
}

export type Kind<I, O> = (input: I, io: KindIo) => O | Promise<O>;

/** A kind whose modules can be imported before it runs (kinds.ts `lazy`). */
export interface Loadable {
  load(): Promise<unknown>;
}
