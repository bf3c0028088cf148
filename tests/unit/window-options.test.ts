import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '../../electron/main/window-options';

describe('kioskWindowOptions', () => {
  const opts = kioskWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false, kiosk: true });
  const web = opts.webPreferences!;

  it('keeps the renderer sandboxed and isolated, with the CommonJS preload', () => {
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(web.preload).toMatch(/index\.cjs$/);
    expect(web.devTools).toBe(false);
  });

  it('keeps scanning and sounds alive when the window is covered, with no click needed first', () => {
    expect(web.backgroundThrottling).toBe(false);
    expect(web.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('starts in kiosk mode only when asked', () => {
    expect(opts.kiosk).toBe(true);
    expect(kioskWindowOptions({ preload: 'p.cjs', devTools: true, kiosk: false }).kiosk).toBe(false);
  });
});
