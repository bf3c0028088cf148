// Which files "show in folder" may reveal. The path comes from the renderer, so it is checked:
// only a file this kiosk saved in this session, or one inside its data folder (backups, logs).
// Pure, for unit tests.
import path from 'node:path';

export function mayReveal(file: string, saved: ReadonlySet<string>, dataDir: string, pathApi: path.PlatformPath = path): boolean {
  const p = pathApi;
  if (!p.isAbsolute(file)) return false;
  const abs = p.resolve(file);
  if (saved.has(abs)) return true;
  const inside = p.relative(p.resolve(dataDir), abs);
  return inside !== '' && !inside.startsWith('..') && !p.isAbsolute(inside);
}
