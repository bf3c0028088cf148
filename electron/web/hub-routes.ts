import type http from 'node:http';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Ctx } from '../core/context';
import { checkKioskPin, kioskPinSet, setKioskPin } from '../core/system/kiosk-pin';
import { deskName } from '../shared/desk';
import type { DeskRole } from '../shared/desk-roles';
import { HUB_CERT_FILE, hubInfo, type DeskJoined, type HubInfo } from '../shared/hub';
import type { Hub } from './hub';
import type { DeskEntry } from './hub-desks';

/** Wrong organiser PINs in a row before joining with a PIN is locked, and for how long (the kiosk's own rule). */
const PIN_TRIES = 5;
const PIN_LOCK_MS = 60_000;

const joinInput = z.object({ name: deskName, pin: z.string().max(20).optional() }).strict();
const revokeInput = z.object({ id: z.string().min(1).max(40) }).strict();
const pinInput = z.object({ pin: z.string().regex(/^\d{4,8}$/).nullable() }).strict();

type Answer = { status: number; body: unknown };
const refusal = (status: number, code: string, message: string, params?: Record<string, number>): Answer => ({
  status,
  body: { ok: false, error: params ? { code, message, params } : { code, message } },
});

/** Bilingual one-line refusals (the organiser's guide and the desk both quote them). */
export const DESK_REFUSALS = {
  join: 'Meja ini belum bergabung (atau hub dimulai ulang): muat ulang halaman / This desk has not joined (or the hub restarted): reload the page.',
  revoked: 'Meja ini dicabut oleh penyelenggara: minta alamat baru / This desk was revoked by the organiser: ask for a new address.',
  checkinOnly: (op: string) =>
    `Meja ini hanya untuk check-in; ${op} perlu PIN penyelenggara / This desk is check-in only; ${op} needs the organiser's PIN.`,
  notOwnScan:
    'Meja ini hanya bisa membatalkan scan miliknya sendiri / A check-in-only desk can undo only its own scans.',
  noPin:
    'Belum ada PIN penyelenggara: pasang di laptop hub, layar "Meja lain" → PIN penyelenggara / No organiser PIN is set: set one on the hub laptop, screen "Meja lain" (Other desks) → Organiser PIN.',
  pinWrong: 'PIN penyelenggara salah / Wrong organiser PIN.',
  hubLaptopOnly:
    'Hanya di laptop hub itu sendiri / Only on the hub laptop itself.',
  pinLocked: (s: number) => `Terlalu banyak PIN salah: coba lagi dalam ${s} detik / Too many wrong PINs: try again in ${s} s.`,
};

/**
 * The hub's own routes (issue 19, items 1 and 7). server.ts checks the key first; `join` answers
 * any desk with the key, the rest only the hub laptop itself (loopback); the certificate is
 * served to anyone.
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

  /**
   * A desk joins (no token yet), renames itself or becomes an organiser desk (with its token and
   * the PIN). The hub laptop itself is the organiser and needs no token.
   */
  join(hub: Hub | undefined, ctx: Pick<Ctx, 'db'>, local: boolean, known: DeskEntry | undefined, token: string | null, body: unknown, address: string, now = Date.now()): Answer {
    const input = joinInput.safeParse(body);
    if (!input.success) return refusal(400, 'invalid_input', 'Desk name: 1–40 characters / Nama meja: 1–40 karakter');
    if (local || !hub) return ok({ token: null, role: 'organiser', name: input.data.name, pinSet: kioskPinSet(ctx) });
    let role: DeskRole = known?.role ?? 'checkin';
    if (input.data.pin !== undefined) {
      if (!kioskPinSet(ctx)) return refusal(403, 'forbidden', DESK_REFUSALS.noPin, { noPin: 1 });
      const t = hub.pinTries;
      if (t.lockedUntil > now) {
        const s = Math.ceil((t.lockedUntil - now) / 1000);
        return refusal(429, 'forbidden', DESK_REFUSALS.pinLocked(s), { pinLocked: s });
      }
      if (!checkKioskPin(ctx, input.data.pin)) {
        if (++t.wrong >= PIN_TRIES) (t.wrong = 0), (t.lockedUntil = now + PIN_LOCK_MS);
        return refusal(403, 'forbidden', DESK_REFUSALS.pinWrong, { pinWrong: 1 });
      }
      t.wrong = 0;
      role = 'organiser';
    }
    if (known && token) {
      hub.registry.update(known, input.data.name, role, address);
      return ok({ token, role, name: known.name, pinSet: kioskPinSet(ctx) });
    }
    const joined = hub.registry.join(input.data.name, role, address);
    return ok({ token: joined.token, role, name: input.data.name, pinSet: kioskPinSet(ctx) });
  },

  /** The organiser PIN, set on the hub laptop (a desk gives it to become an organiser desk). */
  pin(ctx: Pick<Ctx, 'db'>, body: unknown): Answer {
    const input = pinInput.safeParse(body);
    if (!input.success) return refusal(400, 'invalid_input', 'PIN: 4–8 angka / 4–8 digits');
    return { status: 200, body: { ok: true, value: setKioskPin(ctx, input.data.pin) } };
  },

  /** The hub laptop's own requests: its screen's data, a new key, revoking one desk, the organiser PIN. */
  async post(hub: Hub, ctx: Pick<Ctx, 'db'>, name: string, body: unknown): Promise<Answer> {
    if (name === 'new-key') hub.newKey();
    else if (name === 'revoke') {
      const input = revokeInput.safeParse(body);
      if (!input.success || !hub.revoke(input.data.id)) return refusal(404, 'not_found', 'No such desk / Meja tidak ditemukan');
    } else if (name === 'pin') {
      const a = hubRoute.pin(ctx, body);
      if (a.status !== 200) return a;
    } else if (name !== 'info') return refusal(404, 'not_found', `Unknown: ${name}`);
    return ok(await hubInfoOf(hub, ctx));
  },
};

const ok = (value: DeskJoined | HubInfo): Answer => ({ status: 200, body: { ok: true, value } });

/** What the hub screen shows: the desk addresses with their QR codes, the key, the desks. */
export async function hubInfoOf(hub: Hub, ctx: Pick<Ctx, 'db'>): Promise<HubInfo> {
  const deskUrls = hub.deskUrls();
  // Error correction M and a quiet zone of 4: a phone's camera app reads it off a laptop screen.
  const qrSvgs = await Promise.all(
    deskUrls.map((u) => QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })),
  );
  return hubInfo.parse({
    deskUrls,
    qrSvgs,
    key: hub.key,
    fingerprint: hub.cert.fingerprint,
    liveDesks: hub.live.size,
    desks: hub.desks(),
    pinSet: kioskPinSet(ctx),
  });
}
