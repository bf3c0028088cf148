import type { CertSettings, CertTemplate } from '../../shared/certificates';
import type { HadirEvent } from '../../shared/event';
import { idDate, idDateList } from '../../shared/id-dates';
import { logoMime } from '../../shared/event';
import { getAssets } from '../../db/repositories/certificates';
import { getLogo } from '../../db/repositories/events';
import type { Ctx } from '../context';
import { certificateFonts } from './fonts';
import type { ImageAsset, RenderInput } from './render/types';

/** The signing date: the template's, else the event's last day. Also the date numbers are made from. */
export function signingDate(t: CertTemplate, event: HadirEvent): string {
  return t.signingDate ?? event.days[event.days.length - 1]?.date ?? event.createdAt.slice(0, 10);
}

/**
 * Everything the pure renderer needs except the certificates themselves, read from the
 * database once per request: event, template, images, fonts.
 */
export function renderBase(ctx: Ctx, event: HadirEvent, settings: CertSettings): Omit<RenderInput, 'certificates'> {
  const assets = new Map(getAssets(ctx.db, event.id).map((a) => [a.kind, a]));
  const image = (kind: 'signature' | 'signature2'): ImageAsset | null => {
    const a = assets.get(kind);
    return a && a.mime !== 'application/pdf' ? { mime: a.mime, bytes: a.bytes } : null;
  };
  const logo = getLogo(ctx.db, event.id);
  const bg = assets.get('background');
  const template = {
    ...settings.template,
    // No programme, no back page: an empty table would only puzzle.
    backPage: settings.template.backPage && event.programme.length > 0,
    background: settings.template.background === 'custom' && !bg ? ('default' as const) : settings.template.background,
  };
  return {
    template,
    fonts: certificateFonts(ctx.resourcesDir),
    background: bg ? { mime: bg.mime, bytes: bg.bytes } : null,
    logo: logo ? { mime: logoMime(logo) ?? 'image/png', bytes: logo } : null,
    signature: image('signature'),
    signature2: image('signature2'),
    event: {
      name: event.name,
      organiser: event.organiser,
      venue: event.venue,
      city: event.city,
      dates: idDateList(event.days.map((d) => d.date)),
      signingPlace: template.signingPlace ?? event.city,
      signingDate: idDate(signingDate(template, event)),
      signatory: { name: event.signatoryName, title: event.signatoryTitle, rank: event.signatoryRank, nip: event.signatoryNip },
      signatory2: template.signatory2,
      programme: event.programme,
    },
  };
}
