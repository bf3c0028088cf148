import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Hadir';
export const DB_FILE = 'hadir.db';

/**
 * Where the database lives. Order: --data-dir, then HADIR_DATA_DIR, then the OS user-data
 * folder — computed the way Electron's app.getPath('userData') does, so the kiosk, the CLI and
 * the web host all find the same file without being told.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag) return path.resolve(flag);
  if (env.HADIR_DATA_DIR) return path.resolve(env.HADIR_DATA_DIR);
  return path.join(appDataDir(env, platform, home), APP_NAME);
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** Reads `--data-dir X` or `--data-dir=X` from an argv without a full parser (used by the Electron main). */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') return argv[i + 1];
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  return undefined;
}
