import { z } from 'zod';

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
  /** Desks seen since the hub started (by the name in their operations), most recent first. */
  desks: z.array(z.object({ name: z.string(), address: z.string(), lastAt: z.string() })),
});
export type HubInfo = z.infer<typeof hubInfo>;

/** Where a desk downloads the hub's certificate (no key needed: it is public). */
export const HUB_CERT_PATH = '/hub/certificate';
export const HUB_CERT_FILE = 'hadir-hub.crt';
