/**
 * The parts a job kind hands over (KindIo.part), read as an async iterable by the main thread,
 * with back-pressure: `push` resolves only once the reader has taken the part, and the runner
 * acknowledges a part (letting the worker send the next) only then. So a 50,000-row import sent
 * in 2,000-row parts is never held whole on the main thread: the worker waits while the write
 * catches up, and at most one part waits here.
 *
 * A reader that stops early calls `drop()`: every part from then on is taken and thrown away,
 * so the kind runs to its end instead of waiting forever for a reader that is gone.
 */
export class PartQueue<T> {
  private readonly parts: { part: T; taken: () => void }[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;
  private dropped = false;

  /** Called with each part; resolves once the part was read (or dropped). */
  push(part: T): Promise<void> {
    if (this.dropped) return Promise.resolve();
    return new Promise<void>((taken) => {
      this.parts.push({ part, taken });
      this.poke();
    });
  }

  /** No more parts: the reader finishes once it has read the ones waiting. */
  end(): void {
    this.ended = true;
    this.poke();
  }

  /** The kind failed: the reader throws `error` after the parts already queued. */
  fail(error: unknown): void {
    this.failure = { error };
    this.poke();
  }

  /** The reader is gone: release every waiting and future part. */
  drop(): void {
    this.dropped = true;
    for (const p of this.parts.splice(0)) p.taken();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const next = this.parts.shift();
      if (next) {
        next.taken();
        yield next.part;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
