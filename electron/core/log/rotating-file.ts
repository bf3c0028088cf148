import fs from 'node:fs';
import path from 'node:path';

/**
 * An append-only text file that rotates by size: hadir.log → hadir.log.1 → … → hadir.log.<keep-1>,
 * the oldest dropped. Written synchronously with plain fs calls, on the calling thread: no
 * transport thread (pino's transports start worker threads, which would have to load from inside
 * the packaged app's asar) and nothing buffered that a crash could lose. A kiosk logs a few lines
 * a minute, so a synchronous write costs nothing the desks would notice.
 */
export class RotatingFile {
  private fd: number | null = null;
  private size = 0;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {}

  /** pino calls this with one line (newline included) per entry. */
  write(line: string): void {
    try {
      const bytes = Buffer.byteLength(line);
      if (this.fd === null) this.open();
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      fs.writeSync(this.fd!, line);
      this.size += bytes;
    } catch {
      // The log must never take an operation down with it (a full disk, a read-only folder):
      // the entry is lost, the desk goes on. Try again from scratch at the next line.
      this.close();
    }
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = fs.openSync(this.file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = i === 1 ? this.file : `${this.file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i}`);
    }
    this.open();
  }
}
