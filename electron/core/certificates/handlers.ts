import type { BatchInput, BatchResult, CertList, CertRow, CertSettings, CertSettingsView } from '../../shared/certificates';
import type { JobControl } from '../jobs/jobs';
import type { FileResult } from '../../shared/file';
import { parseBadgeText } from '../../shared/badge-payload';
import { normaliseForSearch } from './search-text';
import { getEvent } from '../../db/repositories/events';
import {
  badgeSecret,
  certParticipant,
  certParticipants,
  certificateOf,
  listAssetInfo,
  nextSeq,
  participantIdByCode,
  removeOverride,
  revokeCertificate,
  setAsset,
  setOverride,
} from '../../db/repositories/certificates';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { deskEventId, readEventId } from '../event/desk-event';
import { eventTag } from '../qr/event-tag';
import { inspectAsset } from './assets';
import { assignNumbers, logPrints, releaseNumbers, type PrintVia } from './issue';
import { publicKeyPem } from './keys';
import { formatNumber } from '../../shared/cert-number';
import { renderBase, signingDate } from './render-input';
import { toCertRow } from './rows';
import { identityOf } from './identity';
import { loadSettings, storeSettings } from './settings';
import { verifyPageFor } from './verify-page';
import { nameCoverage, undrawableNames } from '../pdf/cmap-coverage';
import { verifyText } from './verify';
import { claimText, claimUrl, type Claim } from '../../shared/cert-claim';

// The renderer (pdf-lib, fontkit, qrcode) and jszip are imported when a PDF is made, not when
// the CLI or the web host starts: they cost more to load than the rest of the core together.

/** "001/PSM/DINSOS/IX/2022 Abdul Rozak.pdf" cannot be a file name: slashes and the like become "-". */
export function certFileName(number: string, name: string): string {
  const clean = `${number} ${name}`
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/[. ]+$/, '')
    .slice(0, 150);
  return `${clean}.pdf`;
}

/** The event of a certificate operation: the desk's (checked by the caller), or the kiosk's default. */
function eventOf(ctx: Ctx, eventId: number) {
  return getEvent(ctx.db, eventId)!;
}

function settingsView(ctx: Ctx, eventId: number, settings: CertSettings): CertSettingsView {
  const event = getEvent(ctx.db, eventId)!;
  const date = signingDate(settings.template, event);
  return {
    settings,
    assets: listAssetInfo(ctx.db, eventId),
    signingDate: date,
    sampleNumber: formatNumber(settings.pattern, nextSeq(ctx.db, eventId), date),
  };
}

function rowOf(ctx: Ctx, eventId: number, participantId: number): CertRow {
  const event = getEvent(ctx.db, eventId)!;
  const r = certParticipant(ctx.db, eventId, participantId);
  if (!r) throw new HadirError('not_found', `Participant ${participantId} was not found.`, { id: participantId });
  return toCertRow(r, loadSettings(ctx.db, eventId).rule, event.days.length);
}

/** Who a badge scan (QR text or typed code) names, in the active event. */
function resolveScan(ctx: Ctx, eventId: number, scan: string): number {
  const b = parseBadgeText(scan);
  if (b.kind === 'not_a_badge') throw new HadirError('not_found', 'This is not a badge code.', { notBadge: 1 });
  if (b.kind === 'badge') {
    const secret = badgeSecret(ctx.db, eventId);
    if (secret && eventTag(secret) !== b.eventTag) {
      throw new HadirError('not_found', 'This badge belongs to another event.', { otherEvent: 1 });
    }
  }
  const id = participantIdByCode(ctx.db, eventId, b.code);
  if (id === null) throw new HadirError('not_found', `No participant has the code ${b.code}.`, { code: b.code });
  return id;
}

/** Who a batch names: ids, badge codes (CLI --only), or everyone who qualifies. */
function batchIds(ctx: Ctx, eventId: number, input: BatchInput): number[] {
  let ids: number[];
  if (input.allEligible) {
    ids = list(ctx, eventId, '', 'eligible')
      .rows.filter((r) => !r.revoked)
      .map((r) => r.participantId);
  } else {
    ids = [...(input.participantIds ?? []), ...(input.codes ?? []).map((c) => resolveScan(ctx, eventId, c))];
  }
  if (!ids.length) throw new HadirError('not_eligible', 'Nobody qualifies for a certificate yet.', { none: 1 });
  return [...new Set(ids)];
}

/**
 * Numbers, PDF, print log: the one path every printed certificate takes. A single certificate
 * (on demand) is drawn on this thread: with the template and fonts cached it takes ~20 ms,
 * less than handing fonts and background to a worker. A batch is drawn in a worker thread, as
 * a job with progress when `job` is given, so the desks keep scanning meanwhile.
 */
export async function issue(
  ctx: Ctx,
  eventId: number,
  participantIds: number[],
  via: PrintVia,
  opts: { split?: boolean; job?: JobControl } = {},
): Promise<{ rows: CertRow[]; file: FileResult; claims: string[] }> {
  const event = eventOf(ctx, eventId);
  const settings = loadSettings(ctx.db, event.id);
  const { rows, certs, newIds } = assignNumbers(ctx, event, settings, participantIds);
  let file: FileResult;
  try {
    file = await renderIssued(ctx, event, settings, certs, via, opts);
  } catch (e) {
    // No PDF, no numbers: a batch that failed or was cancelled leaves the register as it was.
    releaseNumbers(ctx, event.id, newIds);
    throw e;
  }
  // A batch is counted as it is made (its PDF or ZIP is the print run). One certificate on demand
  // is counted only when the screen reports it reached a printer (certificates.printed): a PDF
  // that never printed must not read "Dicetak 1 kali".
  if (via === 'on_demand') return { rows, file, claims: certs.map((c) => c.qr) };
  logPrints(ctx, event.id, certs, via);
  // The rows as they stand now: one more print each (not read again: a batch can be thousands).
  return { rows: rows.map((r) => ({ ...r, prints: r.prints + 1 })), file, claims: certs.map((c) => c.qr) };
}

/** The PDF (or ZIP) of certificates already numbered: on this thread for one, in a worker for a batch. */
async function renderIssued(
  ctx: Ctx,
  event: ReturnType<typeof eventOf>,
  settings: CertSettings,
  certs: ReturnType<typeof assignNumbers>['certs'],
  via: PrintVia,
  opts: { split?: boolean; job?: JobControl },
): Promise<FileResult> {
  const base = renderBase(ctx, event, settings);
  const title = `Sertifikat ${event.name}`;
  let file: FileResult;
  if (via === 'on_demand' && certs.length === 1 && !opts.split) {
    const { renderCertificates } = await import('./render/render');
    const pdf = await renderCertificates({ ...base, certificates: certs }, { title });
    file = { fileName: certFileName(certs[0]!.number, certs[0]!.name), mime: 'application/pdf', bytes: pdf };
  } else {
    const names = new Set<string>();
    const named = certs.map((c) => {
      let fileName = certFileName(c.number, c.name);
      // Two people of the same name in one ZIP must not overwrite each other.
      for (let i = 2; names.has(fileName); i++) fileName = certFileName(c.number, `${c.name} (${i})`);
      names.add(fileName);
      const { certificateId: _id, ...data } = c;
      return { ...data, fileName };
    });
    const kindInput = { base, certificates: named, split: !!opts.split, title };
    const bytes = opts.job
      ? await opts.job.inWorker('render', 'certificates.render', kindInput)
      : await ctx.jobs.run('certificates.render', kindInput);
    const stem = `sertifikat-${event.id}-${certs.length}`;
    file = opts.split
      ? { fileName: `${stem}.zip`, mime: 'application/zip', bytes }
      : { fileName: certs.length === 1 ? named[0]!.fileName : `${stem}.pdf`, mime: 'application/pdf', bytes };
  }
  return file;
}

/** A batch, as the certificates.batch operation and job run it. */
export async function batch(ctx: Ctx, input: BatchInput, job?: JobControl): Promise<BatchResult> {
  // Numbers and prints are recorded into the desk's event: it must exist and not be archived.
  const eventId = deskEventId(ctx, { eventId: input.eventId, desk: input.desk });
  const { rows, file } = await issue(ctx, eventId, batchIds(ctx, eventId, input), 'batch', { split: input.split, job });
  // Their pages were made; the result names them, so the organiser checks whose paper has boxes.
  const undrawable = undrawableNames(rows, nameCoverage(ctx.resourcesDir)).map(({ name, missing }) => ({ name, missing }));
  return { count: rows.length, file, undrawable };
}

function list(ctx: Ctx, eventId: number, query: string, status: 'all' | 'eligible' | 'ineligible' | 'issued'): CertList {
  const event = eventOf(ctx, eventId);
  const settings = loadSettings(ctx.db, event.id);
  const all = certParticipants(ctx.db, event.id).map((r) => toCertRow(r, settings.rule, event.days.length));
  const q = normaliseForSearch(query);
  const rows = all.filter((r) => {
    if (status === 'eligible' && !r.eligibility.eligible) return false;
    if (status === 'ineligible' && r.eligibility.eligible) return false;
    if (status === 'issued' && !r.number) return false;
    return !q || normaliseForSearch(`${r.name} ${r.regency ?? ''} ${r.code} ${r.number ?? ''}`).includes(q);
  });
  return {
    rows,
    total: all.length,
    eligible: all.filter((r) => r.eligibility.eligible).length,
    issued: all.filter((r) => r.number).length,
    rule: settings.rule,
    days: event.days.length,
  };
}

/**
 * What the editor previews: the real page for a real person, but never a certificate. The number
 * is the one already issued, or a placeholder; the QR has the real size and a signature of
 * zeros, so a preview that leaves the kiosk verifies as forged.
 */
async function preview(
  ctx: Ctx,
  eventId: number,
  input: { template?: CertSettings['template']; pattern?: string; participantId?: number },
): Promise<FileResult> {
  const event = eventOf(ctx, eventId);
  const saved = loadSettings(ctx.db, event.id);
  const settings = { ...saved, template: input.template ?? saved.template, pattern: input.pattern ?? saved.pattern };
  const people = certParticipants(ctx.db, event.id).map((r) => toCertRow(r, settings.rule, event.days.length));
  const person =
    (input.participantId ? people.find((p) => p.participantId === input.participantId) : undefined) ??
    people.find((p) => p.eligibility.eligible && !p.revoked) ??
    people[0];
  const number =
    person?.number ?? formatNumber(settings.pattern, nextSeq(ctx.db, event.id), signingDate(settings.template, event));
  const name = person?.name ?? 'Nama Peserta, S.Sos.';
  const dates = event.days.filter((d) => person?.daysPresent.includes(d.dayNo) ?? true).map((d) => d.date);
  const claim: Claim = { kid: '0000', number, name, days: dates };
  const base = renderBase(ctx, event, settings);
  const { renderCertificates } = await import('./render/render');
  const pdf = await renderCertificates({
    ...base,
    certificates: [
      {
        number,
        name,
        role: person?.role ?? 'Peserta',
        regency: person?.regency ?? 'Kota Bandar Lampung',
        qr: claimUrl(settings.template.verifyUrl, claimText(claim, 'A'.repeat(86))),
        identity: person
          ? identityOf(certParticipant(ctx.db, event.id, person.participantId)!)
          : { institution: 'Dinas Sosial Kabupaten Way Kanan', position: 'Pekerja Sosial Masyarakat' },
      },
    ],
  });
  return { fileName: 'pratinjau.pdf', mime: 'application/pdf', bytes: pdf };
}

export const certificateHandlers: HandlerMap<
  | 'certificates.settings'
  | 'certificates.saveSettings'
  | 'certificates.setAsset'
  | 'certificates.list'
  | 'certificates.override'
  | 'certificates.issue'
  | 'certificates.printed'
  | 'certificates.batch'
  | 'certificates.preview'
  | 'certificates.revoke'
  | 'certificates.verify'
  | 'certificates.publicKey'
> = {
  'certificates.settings': (ctx, { eventId }) => {
    const id = readEventId(ctx, eventId);
    return settingsView(ctx, id, loadSettings(ctx.db, id));
  },
  'certificates.saveSettings': (ctx, { eventId, desk, ...input }) => {
    const id = eventId;
    audited(
      ctx,
      { action: 'certificates.saveSettings', detail: { rule: input.rule, pattern: input.pattern }, scope: { eventId, desk } },
      (at) => storeSettings(ctx.db, id, input, at),
    );
    return settingsView(ctx, id, loadSettings(ctx.db, id));
  },
  'certificates.setAsset': async (ctx, { kind, bytes, eventId, desk }) => {
    const id = deskEventId(ctx, { eventId, desk });
    const mime = bytes ? await inspectAsset(kind, bytes) : null;
    const detail = { kind, mime, bytes: bytes?.byteLength ?? 0 };
    audited(ctx, { action: 'certificates.setAsset', detail, scope: { eventId, desk } }, () =>
      setAsset(ctx.db, id, kind, bytes && mime ? { mime, bytes } : null),
    );
    return settingsView(ctx, id, loadSettings(ctx.db, id));
  },
  'certificates.list': (ctx, { query, status, eventId }) => list(ctx, readEventId(ctx, eventId), query, status),
  'certificates.override': (ctx, { participantId, reason, eventId, desk }) => {
    const id = deskEventId(ctx, { eventId, desk });
    const row = rowOf(ctx, id, participantId);
    if (reason !== null && row.eligibility.reason?.code === 'deleted') {
      throw new HadirError('not_found', `${row.name} is no longer on the list.`, { id: participantId });
    }
    const action = reason === null ? 'certificates.overrideRemoved' : 'certificates.override';
    const detail = { participantId, name: row.name, reason, rule: row.eligibility.reason };
    audited(ctx, { action, detail, scope: { eventId, desk } }, (at) => {
      if (reason === null) removeOverride(ctx.db, id, participantId);
      else setOverride(ctx.db, id, participantId, reason, at, ctx.actor);
    });
    return rowOf(ctx, id, participantId);
  },
  'certificates.issue': async (ctx, input) => {
    const eventId = deskEventId(ctx, { eventId: input.eventId, desk: input.desk });
    const participantId = input.participantId ?? resolveScan(ctx, eventId, input.scan!);
    const { rows, file, claims } = await issue(ctx, eventId, [participantId], 'on_demand');
    return { row: rows[0]!, file, claim: claims[0]! };
  },
  'certificates.printed': (ctx, { participantId, eventId, desk }) => {
    const id = deskEventId(ctx, { eventId, desk });
    const cert = certificateOf(ctx.db, id, participantId);
    if (!cert) throw new HadirError('not_found', 'No certificate has been issued to this participant.', { id: participantId });
    if (cert.revokedAt) {
      throw new HadirError('revoked', `The certificate ${cert.number} was revoked: ${cert.revokedReason}`, {
        name: rowOf(ctx, id, participantId).name,
        number: cert.number,
        reason: cert.revokedReason ?? '',
      });
    }
    logPrints(ctx, id, [{ certificateId: cert.id, number: cert.number }], 'on_demand');
    return rowOf(ctx, id, participantId);
  },
  'certificates.batch': (ctx, input) => batch(ctx, input),
  'certificates.preview': (ctx, { eventId, ...input }) => preview(ctx, readEventId(ctx, eventId), input),
  'certificates.revoke': (ctx, { participantId, reason, eventId, desk }) => {
    const id = deskEventId(ctx, { eventId, desk });
    const cert = certificateOf(ctx.db, id, participantId);
    if (!cert) throw new HadirError('not_found', 'No certificate has been issued to this participant.', { id: participantId });
    if (!cert.revokedAt) {
      const detail = { participantId, number: cert.number, reason };
      audited(ctx, { action: 'certificates.revoke', detail, scope: { eventId, desk } }, (at) =>
        revokeCertificate(ctx.db, cert.id, at, reason),
      );
    }
    return rowOf(ctx, id, participantId);
  },
  'certificates.verify': (ctx, { text }) => verifyText(ctx.db, text),
  'certificates.publicKey': (ctx, { eventId }) => {
    const { event, key, html } = verifyPageFor(ctx, readEventId(ctx, eventId));
    audited(ctx, { action: 'certificates.publicKey', detail: { kid: key.kid }, eventId: event.id }, () => undefined);
    return {
      kid: key.kid,
      pem: publicKeyPem(key.publicKey),
      verifyHtml: { fileName: `verify-${key.kid}.html`, mime: 'text/html', bytes: new TextEncoder().encode(html) },
    };
  },
};
