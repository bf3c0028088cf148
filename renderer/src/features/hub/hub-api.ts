// The hub screen's requests (issue 19, item 1): the operations hub.status / hub.open / hub.close /
// hub.newKey / hub.revoke, the same in Electron (IPC) and in the web host (HTTP). Only the
// organiser PIN goes its own way: the shell's kiosk PIN in Electron, /hub/pin on the web host.
import type { HubStatus } from '../../../../electron/shared/hub';
import { api, ApiError, hubPost, inElectron, replaceDeskAccessKey, setKioskPin } from '../../api';

/** Why the hub screen has nothing to show: a desk on the venue network, or a wrong key. */
export type HubProblem = 'notHere' | 'access_key';

export type HubAnswer = { ok: true; status: HubStatus } | { ok: false; problem: HubProblem };

export type HubAction = 'status' | 'open' | 'close' | 'newKey' | 'revoke' | 'pin';

export async function hubRequest(what: HubAction, input?: unknown): Promise<HubAnswer> {
  try {
    const status = await call(what, input);
    // After "new key" this tab keeps working: it holds the key it was just given (a tab without a
    // key, the kiosk's own on 127.0.0.1, needs none).
    if (status.info && !inElectron() && status.fixed) replaceDeskAccessKey(status.info.key);
    return { ok: true, status };
  } catch (e) {
    if (e instanceof ApiError && e.error.code === 'access_key') return { ok: false, problem: 'access_key' };
    // A desk on the venue network (check-in only, or an organiser desk): the hub laptop's screen only.
    if (e instanceof ApiError && e.error.code === 'forbidden') return { ok: false, problem: 'notHere' };
    throw e;
  }
}

async function call(what: HubAction, input: unknown): Promise<HubStatus> {
  switch (what) {
    case 'status':
      return api('hub.status', {});
    case 'open':
      return api('hub.open', {});
    case 'close':
      return api('hub.close', {});
    case 'newKey':
      return api('hub.newKey', {});
    case 'revoke':
      return api('hub.revoke', input as { id: string });
    case 'pin': {
      const pin = (input as { pin: string | null }).pin;
      if (inElectron()) await setKioskPin(pin);
      else {
        const res = await hubPost('pin', { pin });
        const body = (await res.body()) as { ok: boolean; error?: ApiError['error'] };
        if (!body.ok) throw new ApiError(body.error ?? { code: 'internal', message: `hub/pin: ${res.status}` });
      }
      return api('hub.status', {});
    }
  }
}
