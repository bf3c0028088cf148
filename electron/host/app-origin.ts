// Where the renderer lives: app://hadir/ in Electron. The web host maps its own URLs onto the
// same origin so both serve files through one traversal guard (app-path.ts).
export const APP_SCHEME = 'app';
export const APP_HOST = 'hadir';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
