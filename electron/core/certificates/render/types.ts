import type { CertAssetMime, CertTemplate, Signatory } from '../../../shared/certificates';

// What the PDF renderer takes: plain data and bytes only. It never opens the database, so a
// worker thread can run it while the desk keeps scanning.

export interface ImageAsset {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

export interface FontSet {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  /** Names in Arabic script (core/pdf/arabic-names.ts); without it they print as boxes. */
  arabic?: Uint8Array;
}

export interface ProgrammeLine {
  material: string;
  jp: number;
  speaker: string;
}

export interface RenderEvent {
  name: string;
  organiser: string;
  venue: string;
  city: string;
  /** The event's days as printed, e.g. "7–8 September 2022". */
  dates: string;
  /** Place and date under which the signatory signs, e.g. "Bandar Lampung", "8 September 2022". */
  signingPlace: string;
  signingDate: string;
  signatory: Signatory;
  signatory2: Signatory | null;
  programme: ProgrammeLine[];
}

export interface CertData {
  number: string;
  name: string;
  role: string;
  regency: string | null;
  /** The signed claim the QR carries. */
  qr: string;
  /** The identity block's values (template.identity), as printed; absent or empty = no row. */
  identity?: CertIdentity;
}

export interface CertIdentity {
  nip?: string | null;
  /** "Bandar Lampung, 17 Agustus 1975" (place, date or both). */
  birth?: string | null;
  rank?: string | null;
  position?: string | null;
  institution?: string | null;
  /** The surat keterangan's days attended, a line under the rows. */
  attendance?: string | null;
}

export interface RenderInput {
  template: CertTemplate;
  fonts: FontSet;
  /** The organiser's background, used when template.background is 'custom'. */
  background: { mime: CertAssetMime; bytes: Uint8Array } | null;
  logo: ImageAsset | null;
  signature: ImageAsset | null;
  signature2: ImageAsset | null;
  event: RenderEvent;
  certificates: CertData[];
}
