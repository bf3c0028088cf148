import type { Ctx } from '../core/context';
import type { HubControl } from '../core/system/hub-control';
import { kioskPinSet } from '../core/system/kiosk-pin';
import { HadirError } from '../shared/errors';
import type { HubStatus } from '../shared/hub';
import type { Hub } from './hub';
import { hubInfoOf } from './hub-routes';

/**
 * The hub `npm run web -- --host 0.0.0.0` started: on from start to stop. The hub screen shows it
 * through the same operations; the switch cannot turn it off (the command line started it).
 */
export function fixedHub(hub: Hub, ctx: Ctx): HubControl {
  const status = async (): Promise<HubStatus> => ({
    available: true,
    open: true,
    fixed: true,
    pinSet: kioskPinSet(ctx),
    info: await hubInfoOf(hub, ctx),
  });
  return {
    status,
    open: status,
    close: () => {
      throw new HadirError(
        'conflict',
        'Host ini dibuka dari baris perintah (--host): hentikan dengan Ctrl+C / This host was opened from the command line (--host): stop it with Ctrl+C.',
        { hubFixed: 1 },
      );
    },
    newKey: () => (hub.newKey(), status()),
    revoke: async (id) => {
      if (!hub.revoke(id)) throw new HadirError('not_found', 'Meja tidak ditemukan / No such desk');
      return status();
    },
  };
}
