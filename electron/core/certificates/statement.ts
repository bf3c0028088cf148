// The lower tier of the standard's attendance rule (issue 20, item 7): someone present on some
// day but below the rule gets, when the organiser enables it, a "surat keterangan telah
// mengikuti" instead of nothing. Drawn with the event's own template, titled SURAT KETERANGAN,
// saying how many days the person attended; it has no number and no QR, so it can never pass for
// a certificate (the register and the verify page know nothing of it).
import { getEvent } from '../../db/repositories/events';
import { certParticipant } from '../../db/repositories/certificates';
import { HadirError } from '../../shared/errors';
import type { CertTemplate } from '../../shared/certificates';
import type { FileResult } from '../../shared/file';
import { idDateList } from '../../shared/id-dates';
import type { Ctx } from '../context';
import type { HandlerMap } from '../handler';
import { readEventId } from '../event/desk-event';
import { eventFileStem } from '../reports/file-names';
import { identityOf } from './identity';
import { renderBase } from './render-input';
import { toCertRow } from './rows';
import { loadSettings } from './settings';

export const STATEMENT_WORDING =
  'telah mengikuti sebagian kegiatan {event} yang diselenggarakan oleh {organiser} pada tanggal {dates} di {place} sebagai {role}, tanpa memenuhi syarat kehadiran untuk memperoleh sertifikat.';

/** The event's template turned into the statement's: no number, no QR, no back page, its own words. */
export function statementTemplate(t: CertTemplate): CertTemplate {
  const hide = (b: CertTemplate['fields']['qr']) => ({ ...b, visible: false });
  return {
    ...t,
    wording: { ...t.wording, title: 'SURAT KETERANGAN', givenTo: 'Menerangkan bahwa:', numberLabel: '', qrCaption: '', roles: {}, other: STATEMENT_WORDING },
    fields: {
      ...t.fields,
      number: hide(t.fields.number),
      qr: hide(t.fields.qr),
      role: hide(t.fields.role),
      // The days attended: in the identity block when there is one, else on the regency's line.
      regency: t.identity ? t.fields.regency : { ...t.fields.regency, visible: true },
    },
    backPage: false,
    identity: t.identity ? { ...t.identity, jpLine: '', result: '' } : null,
  };
}

export const statementHandlers: HandlerMap<'certificates.statement'> = {
  'certificates.statement': async (ctx: Ctx, { eventId, participantId }): Promise<FileResult> => {
    const event = getEvent(ctx.db, readEventId(ctx, eventId))!;
    const settings = loadSettings(ctx.db, event.id);
    const refuse = (id: string, en: string): never => {
      const detail = `${id} / ${en}`;
      throw new HadirError('invalid_input', detail, { detail });
    };
    if (!settings.template.statement)
      refuse('surat keterangan belum diaktifkan (Sertifikat, Templat)', 'the statement of attendance is not enabled (Certificates, Template)');
    const r = certParticipant(ctx.db, event.id, participantId);
    if (!r || r.deleted) throw new HadirError('not_found', `Participant ${participantId} was not found.`, { id: participantId });
    const row = toCertRow(r, settings.rule, event.days.length);
    if (row.eligibility.eligible) refuse(`${r.name} memenuhi syarat: cetak sertifikatnya`, `${r.name} qualifies: print the certificate`);
    if (row.daysPresent.length === 0) refuse(`${r.name} tidak hadir satu hari pun`, `${r.name} was not present on any day`);
    const dates = event.days.filter((d) => row.daysPresent.includes(d.dayNo)).map((d) => d.date);
    const attended = `Hadir ${row.daysPresent.length} dari ${event.days.length} hari: ${idDateList(dates)}`;
    const base = renderBase(ctx, event, settings);
    const template = statementTemplate(base.template);
    const { renderCertificates } = await import('./render/render');
    const bytes = await renderCertificates(
      {
        ...base,
        template,
        certificates: [
          {
            number: '',
            name: r.name,
            role: r.role,
            regency: template.identity ? r.regency : attended,
            qr: '',
            identity: { ...identityOf(r), attendance: attended },
          },
        ],
      },
      { title: 'Surat Keterangan' },
    );
    return { fileName: `surat-keterangan-${eventFileStem(event)}-${r.code}.pdf`, mime: 'application/pdf', bytes };
  },
};
