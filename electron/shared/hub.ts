import { z } from 'zod';
import { DESK_ROLES } from './desk-roles';

/** One desk on the hub screen (issue 19, item 7): its role, last contact and reported outbox. */
export const hubDesk = z.object({
  /** Public id for "revoke" (never the desk's token). */
  id: z.string(),
  name: z.string(),
  role: z.enum(DESK_ROLES),
  address: z.string(),
  joinedAt: z.string().nullable(),
  lastAt: z.string(),
  /** Scans waiting at the desk as it last reported; null when it never did. */
  outbox: z.number().int().min(0).nullable(),
  revoked: z.boolean(),
  /** The hub laptop's own desk: always the organiser, cannot be revoked. */
  local: z.boolean(),
});
export type HubDesk = z.infer<typeof hubDesk>;

/** What /hub/join answers a desk: its token (null on the hub laptop itself) and role. */
export const deskJoined = z.object({
  token: z.string().nullable(),
  role: z.enum(DESK_ROLES),
  name: z.string(),
  /** Whether the organiser has set a PIN (else the desk says how to set one). */
  pinSet: z.boolean(),
});
export type DeskJoined = z.infer<typeof deskJoined>;

/**
 * What the hub screen shows (issue 19, item 1), answered by the hub laptop's web host at
 * POST /hub/info to itself only (electron/web/hub-routes.ts). Validated on both sides.
 */
export const hubInfo = z.object({
  /** The desk addresses with the key (`https://192.168.1.10:5174/#key=…`), one per network. */
  deskUrls: z.array(z.string()),
  /** Each address as a QR code, an SVG document, in the same order. */
  qrSvgs: z.array(z.string()),
  /** The key alone, to read aloud or type. */
  key: z.string(),
  /** SHA-256 of the certificate, to compare with what a phone shows before trusting it. */
  fingerprint: z.string(),
  /** Desks with a live stream open now. */
  liveDesks: z.number().int().min(0),
  /** Desks since the hub started (joined ones and the hub laptop's own), most recent contact first. */
  desks: z.array(hubDesk),
  /** Whether the organiser PIN (the kiosk PIN) is set: without it no desk can become an organiser desk. */
  pinSet: z.boolean(),
});
export type HubInfo = z.infer<typeof hubInfo>;

/** Where a desk downloads the hub's certificate (no key needed: it is public). */
export const HUB_CERT_PATH = '/hub/certificate';
export const HUB_CERT_FILE = 'hadir-hub.crt';

/**
 * The kiosk's own "Buka untuk meja lain / Open to other desks" switch (issue 19, item 1): what
 * `hub.status`, `hub.open`, `hub.close`, `hub.newKey` and `hub.revoke` answer. The switch lives
 * on the kiosk (Electron, or the web host on 127.0.0.1): it starts the same HTTPS hub as
 * `npm run web -- --host 0.0.0.0`, beside the kiosk's own window.
 */
export interface HubStatus {
  /** This host can open itself to other desks (the kiosk and the local web host; not the CLI). */
  available: boolean;
  /** A LAN listener is running: `info` holds its addresses, key and desks. */
  open: boolean;
  /** Opened from the command line (`--host 0.0.0.0`): the switch cannot close it, Ctrl+C does. */
  fixed: boolean;
  /** Whether the organiser PIN is set (needed before a desk can become an organiser desk). */
  pinSet: boolean;
  info: HubInfo | null;
}

/** hub.open: a port to listen on (0: any free one); left out, the last one used, else the default. */
export const hubOpenInput = z
  .object({ port: z.number().int().min(0).max(65535).optional() })
  .strict()
  .default({});
export const hubRevokeInput = z.object({ id: z.string().min(1).max(40) }).strict();
