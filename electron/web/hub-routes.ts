import type http from 'node:http';
import QRCode from 'qrcode';
import { HUB_CERT_FILE, hubInfo, type HubInfo } from '../shared/hub';
import type { Hub } from './hub';

/**
 * The hub's own routes (issue 19, item 1). server.ts checks the key and that the request comes
 * from the hub laptop itself before `post`; the certificate is served to anyone.
 */
export const hubRoute = {
  /** The certificate as a file to install (PEM; Android, iOS and Windows all take a .crt). */
  certificate(hub: Hub, res: http.ServerResponse) {
    res.writeHead(200, {
      'content-type': 'application/x-x509-ca-cert',
      'content-disposition': `attachment; filename="${HUB_CERT_FILE}"`,
      'cache-control': 'no-store',
    });
    res.end(hub.cert.cert);
  },

  async post(hub: Hub, name: string, res: http.ServerResponse) {
    if (name === 'new-key') hub.newKey();
    else if (name !== 'info') return json(res, 404, { ok: false, error: { code: 'not_found', message: `Unknown: ${name}` } });
    return json(res, 200, { ok: true, value: await infoOf(hub) });
  },
};

async function infoOf(hub: Hub): Promise<HubInfo> {
  const deskUrls = hub.deskUrls();
  // Error correction M and a quiet zone of 4: a phone's camera app reads it off a laptop screen.
  const qrSvgs = await Promise.all(
    deskUrls.map((u) => QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })),
  );
  return hubInfo.parse({ deskUrls, qrSvgs, key: hub.key, fingerprint: hub.cert.fingerprint, liveDesks: hub.live.size, desks: hub.desks() });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
