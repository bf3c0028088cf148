import { DEFAULT_VERIFY_URL } from './cert-claim';
import type { CertSettings, CertTemplate, EligibilityRule, FieldBox, FieldId } from './certificates';
import { DEFAULT_PATTERN } from './certificates';

// The built-in layout. Boxes are in millimetres from the page's top-left corner; the editor
// drags them, the renderer fits the text inside them. The regency sits 2 mm below the name's box:
// the gold rule of the default design runs in that gap (a two-line name fills its box).

const box = (x: number, y: number, w: number, h: number, size: number, bold = false, visible = true): FieldBox => ({
  x,
  y,
  w,
  h,
  size,
  bold,
  align: 'center',
  visible,
});

const LANDSCAPE: Record<FieldId, FieldBox> = {
  logo: box(133.5, 20, 30, 20, 10),
  title: box(40, 42, 217, 16, 40, true),
  number: box(40, 58, 217, 7, 11),
  givenTo: box(40, 70, 217, 7, 13),
  name: box(30, 78, 237, 18, 30, true),
  regency: box(40, 98, 217, 7, 13),
  role: box(40, 104, 217, 8, 14, true, false),
  body: box(35, 107, 227, 26, 12.5),
  placeDate: box(187, 134, 90, 6, 11),
  signatory: box(187, 140, 90, 52, 11),
  signatory2: box(20, 140, 90, 52, 11, false, false),
  qr: box(132.5, 150, 32, 32, 8),
};

const PORTRAIT: Record<FieldId, FieldBox> = {
  logo: box(90, 24, 30, 22, 10),
  title: box(20, 52, 170, 16, 36, true),
  number: box(20, 69, 170, 7, 11),
  givenTo: box(20, 88, 170, 7, 13),
  name: box(16, 97, 178, 22, 28, true),
  regency: box(20, 122, 170, 7, 13),
  role: box(20, 128, 170, 8, 14, true, false),
  body: box(22, 133, 166, 40, 12.5),
  placeDate: box(112, 182, 80, 6, 11),
  signatory: box(112, 188, 80, 52, 11),
  signatory2: box(18, 188, 80, 52, 11, false, false),
  qr: box(89, 243, 32, 32, 7),
};

export const DEFAULT_FIELDS = { landscape: LANDSCAPE, portrait: PORTRAIT };

const tail = 'dalam kegiatan {event} yang diselenggarakan oleh {organiser} pada tanggal {dates} di {place}.';

export const DEFAULT_WORDING: CertTemplate['wording'] = {
  title: 'SERTIFIKAT',
  givenTo: 'Diberikan kepada:',
  numberLabel: 'Nomor',
  roles: {
    Peserta: `atas partisipasinya sebagai Peserta ${tail}`,
    Narasumber: `atas kesediaannya sebagai Narasumber ${tail}`,
    Panitia: `atas pengabdiannya sebagai Panitia ${tail}`,
  },
  other: `atas partisipasinya sebagai {role} ${tail}`,
  qrCaption: 'Pindai untuk memeriksa keaslian',
};

export function defaultTemplate(orientation: 'landscape' | 'portrait' = 'landscape'): CertTemplate {
  return {
    orientation,
    background: 'default',
    panel: false,
    fields: structuredClone(DEFAULT_FIELDS[orientation]),
    wording: structuredClone(DEFAULT_WORDING),
    signingPlace: null,
    signingDate: null,
    signatory2: null,
    backPage: false,
    verifyUrl: DEFAULT_VERIFY_URL,
    identity: null,
    statement: false,
  };
}

/** The standard layout's boxes per orientation: the identity block under "Diberikan kepada". */
const STANDARD: Record<CertTemplate['orientation'], { fields: Record<FieldId, FieldBox>; identity: FieldBox }> = {
  portrait: {
    fields: {
      ...PORTRAIT,
      logo: box(90, 22, 30, 20, 10),
      title: box(20, 45, 170, 14, 32, true),
      number: box(20, 60, 170, 7, 11),
      givenTo: box(20, 71, 170, 7, 12.5),
      name: box(16, 80, 178, 14, 24, true, false),
      regency: box(20, 95, 170, 7, 12, false, false),
      role: box(20, 95, 170, 8, 13, true, false),
      body: box(22, 142, 166, 26, 12),
      placeDate: box(112, 190, 80, 6, 11),
      signatory: box(112, 196, 80, 50, 11),
      signatory2: box(18, 196, 80, 50, 11, false, false),
      qr: box(91, 246, 28, 28, 7),
    },
    identity: { ...box(30, 81, 150, 59, 12), align: 'left' },
  },
  // The same order on A4 landscape: a wider, shorter block, the body under it, the signatory
  // to the right and the QR in the middle below.
  landscape: {
    fields: {
      ...LANDSCAPE,
      logo: box(133.5, 12, 30, 18, 10),
      title: box(40, 32, 217, 13, 32, true),
      number: box(40, 46, 217, 6, 11),
      givenTo: box(40, 54, 217, 7, 12.5),
      name: box(30, 62, 237, 14, 24, true, false),
      regency: box(40, 77, 217, 7, 12, false, false),
      role: box(40, 77, 217, 8, 13, true, false),
      body: box(30, 119, 237, 19, 12),
      placeDate: box(190, 140, 90, 6, 11),
      signatory: box(190, 146, 90, 50, 11),
      signatory2: box(17, 146, 90, 50, 11, false, false),
      qr: box(134.5, 160, 28, 28, 7),
    },
    identity: { ...box(45, 63, 207, 53, 12), align: 'left' },
  },
};

/**
 * The certificate as the Ministry of Social Affairs' standard lists it (issue 20, item 7): A4
 * portrait, the identity block under "Diberikan kepada" (the name is its first row, so the big
 * name line and the regency are hidden), the activity, the JP total and the result line, the
 * place and date, the signatory and the QR. The programme on the back when there is one.
 */
export function standardTemplate(orientation: CertTemplate['orientation'] = 'portrait'): CertTemplate {
  const t = defaultTemplate(orientation);
  t.fields = structuredClone(STANDARD[orientation].fields);
  t.identity = { box: { ...STANDARD[orientation].identity }, jpLine: 'Jumlah jam pelajaran: {jp} JP', result: 'Hasil: Telah mengikuti dengan baik' };
  t.backPage = true;
  return t;
}

/**
 * The template turned to `orientation` (the editor's choice, or a background of the other
 * shape): that orientation's own layout, the standard one when the identity block is on (its
 * lines and switch kept), so the block never stays where the other page shape had it.
 */
export function turnTemplate(t: CertTemplate, orientation: CertTemplate['orientation']): Pick<CertTemplate, 'orientation' | 'fields' | 'identity'> {
  if (!t.identity) return { orientation, fields: structuredClone(DEFAULT_FIELDS[orientation]), identity: null };
  const s = STANDARD[orientation];
  return { orientation, fields: structuredClone(s.fields), identity: { ...t.identity, box: { ...s.identity, visible: t.identity.box.visible } } };
}

export const DEFAULT_RULE: EligibilityRule = { kind: 'all_days' };

export function defaultSettings(): CertSettings {
  return { rule: DEFAULT_RULE, pattern: DEFAULT_PATTERN, template: defaultTemplate() };
}
