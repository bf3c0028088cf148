// Wires the pure rules of security.ts into Electron (ELECTRON-NOTES 5 and 6). Nothing here
// decides anything; read security.ts for the rules.
import type { BrowserWindow, Session } from 'electron';
import { isAllowedPermission, isAllowedPermissionCheck, isAppUrl, withCsp } from './security';

/** Permissions and CSP for a session. Call once, before any window loads. */
export function secureSession(ses: Session, csp: string, devUrl?: string): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isAllowedPermission(permission, { mediaTypes }, details.requestingUrl, devUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isAllowedPermissionCheck(permission, requestingOrigin, details, devUrl),
  );
  // WebHID, Web Serial, WebUSB: the permission check above already says no to 'hid', 'serial'
  // and 'usb'; this also refuses devices a check would not cover.
  ses.setDevicePermissionHandler(() => false);

  // The dev server's pages get the CSP here; app:// responses also carry it from protocol.ts,
  // in case custom-protocol responses do not pass through webRequest.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.url, details.responseHeaders, csp, devUrl) });
  });
}

/** Keep the window on the app's own pages: no navigation away, no pop-ups. */
export function secureWindow(win: BrowserWindow, devUrl?: string): void {
  const wc = win.webContents;
  wc.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  wc.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
}
