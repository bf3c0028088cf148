// The hub screen's two requests (issue 19, item 1). Not operations of the kiosk: they ask the web
// host about itself (its key, addresses, certificate), so they exist only over HTTP and only on
// the hub laptop (electron/web/hub-routes.ts).
import { hubInfo, type HubInfo } from '../../../../electron/shared/hub';
import { hubPost, inElectron, replaceDeskAccessKey } from '../../api';

/** Why the hub screen has nothing to show. */
export type HubProblem = 'electron' | 'notHub' | 'notHere' | 'access_key';

export type HubAnswer = { ok: true; info: HubInfo } | { ok: false; problem: HubProblem };

export async function hubRequest(what: 'info' | 'new-key' | 'revoke' | 'pin', input?: unknown): Promise<HubAnswer> {
  if (inElectron()) return { ok: false, problem: 'electron' };
  const res = await hubPost(what, input);
  if (res.status === 404) return { ok: false, problem: 'notHub' };
  if (res.status === 403) return { ok: false, problem: 'notHere' };
  if (res.status === 401) return { ok: false, problem: 'access_key' };
  const body = (await res.body()) as { ok: boolean; value?: unknown };
  if (res.status < 200 || res.status >= 300 || !body.ok) throw new Error(`hub/${what}: ${res.status}`);
  const info = hubInfo.parse(body.value);
  // After "new key" this tab keeps working: it holds the key it was just given.
  replaceDeskAccessKey(info.key);
  return { ok: true, info };
}
