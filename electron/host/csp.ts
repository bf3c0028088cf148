// The renderer's Content-Security-Policy, the same for app:// in Electron and for the web host,
// so browser tests run under the kiosk's rules. Pure: imported by electron/main and electron/web.
import { isLoopbackHost } from './loopback';
import { parseUrl } from './parse-url';

/**
 * The origin of the electron-vite dev server, or null when `devUrl` is absent or is not an
 * http(s) URL on this machine. index.ts passes ELECTRON_RENDERER_URL only when not packaged;
 * the loopback check is a second fence so a stray environment variable cannot widen trust.
 */
export function devOrigin(devUrl: string | undefined): string | null {
  const u = parseUrl(devUrl);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  if (!isLoopbackHost(u.hostname) || u.username || u.password) return null;
  return u.origin;
}

/**
 * The Content-Security-Policy of the renderer.
 * - script-src 'wasm-unsafe-eval': the QR decoder compiles WebAssembly; this allows only that,
 *   not eval().
 * - style-src 'self': the production build emits CSS files; React's `style` prop goes through
 *   the CSSOM, which CSP does not restrict. Add 'unsafe-inline' only if a library injects
 *   <style> tags, and say which.
 * - connect-src 'self': a kiosk works offline; a library that fetches its .wasm from a CDN must
 *   be pointed at the bundled copy instead.
 * - dev: Vite injects CSS as <style> tags and @vitejs/plugin-react injects an inline module
 *   script (the react-refresh preamble), and HMR talks over a WebSocket to the dev server.
 */
export function contentSecurityPolicy(dev: boolean, devUrl?: string): string {
  const script = ["'self'", "'wasm-unsafe-eval'"];
  const style = ["'self'"];
  const connect = ["'self'"];
  if (dev) {
    script.push("'unsafe-inline'");
    style.push("'unsafe-inline'");
    const origin = devOrigin(devUrl);
    if (origin) connect.push(origin.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    `style-src ${style.join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
