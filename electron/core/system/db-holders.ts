// Which long-running processes (the kiosk window, the web host) hold a data folder's database.
// A restore swaps the file: a process that keeps its connection open goes on writing into the
// file moved aside, and every check-in it acknowledges after that is lost (128 in the probe).
// So each such process leaves a note here while it runs, and a restore from any other process
// is refused naming it. SQLite cannot say who else has a file open; a note per process can.
import fs from 'node:fs';
import path from 'node:path';

export const HOLDERS_DIR = 'run';

export interface Holder {
  pid: number;
  runtime: string;
  startedAt: string;
  /** The web host's address, when it listens. */
  url?: string;
}

const noteOf = (dataDir: string, pid: number) => path.join(dataDir, HOLDERS_DIR, `${pid}.json`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

const notes = new Set<string>();

/** Leaves this process's note (again, with more detail, when called twice); removed at exit. */
export function holdDatabase(dataDir: string, h: Omit<Holder, 'pid' | 'startedAt'>): void {
  const file = noteOf(dataDir, process.pid);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const note: Holder = { pid: process.pid, startedAt: new Date().toISOString(), ...h };
  fs.writeFileSync(file, JSON.stringify(note));
  if (!notes.size) process.once('exit', () => notes.forEach((f) => fs.rmSync(f, { force: true })));
  notes.add(file);
}

/** The live processes other than this one that hold the database; stale notes are removed. */
export function otherHolders(dataDir: string): Holder[] {
  const dir = path.join(dataDir, HOLDERS_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: Holder[] = [];
  for (const name of names) {
    const pid = Number(/^(\d+)\.json$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    if (!alive(pid)) {
      fs.rmSync(path.join(dir, name), { force: true }); // a process that was killed
      continue;
    }
    try {
      out.push(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Holder);
    } catch {
      out.push({ pid, runtime: 'hadir', startedAt: '' });
    }
  }
  return out;
}

/** "the Hadir web host (pid 1234, http://127.0.0.1:5174/)" in both languages. */
export function describeHolder(h: Holder): { id: string; en: string } {
  const where = `pid ${h.pid}${h.url ? `, ${h.url}` : ''}`;
  return h.runtime === 'web'
    ? { id: `host web Hadir (${where})`, en: `the Hadir web host (${where})` }
    : h.runtime === 'electron'
      ? { id: `aplikasi kiosk Hadir (${where})`, en: `the Hadir kiosk app (${where})` }
      : { id: `program Hadir lain (${where})`, en: `another Hadir program (${where})` };
}
