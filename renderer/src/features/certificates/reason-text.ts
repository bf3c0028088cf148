import type { CertRow } from '../../../../electron/shared/certificates';
import type { MsgKey } from '../../i18n';

type T = (k: MsgKey, p?: Record<string, string | number>) => string;

/** "Tidak hadir hari 2", "Belum hadir", "Sudah dihapus": why the rule does not qualify someone. */
export function whyNot(row: CertRow, t: T): string | null {
  const r = row.eligibility.reason;
  if (!r) return null;
  if (r.code === 'deleted') return t('cert.why.deleted');
  if (!r.present.length) return t('cert.why.none', { required: r.required, total: r.total });
  return t('cert.why.missing', { days: r.missing.join(', '), present: r.present.length, required: r.required, total: r.total });
}

/** The status a row shows, and its tone. */
export function statusOf(row: CertRow, t: T): { text: string; tone: 'ok' | 'override' | 'no' | 'revoked' } {
  if (row.revoked) return { text: t('cert.status.revoked', { reason: row.revoked.reason }), tone: 'revoked' };
  if (row.eligibility.via === 'rule') return { text: t('cert.status.eligible'), tone: 'ok' };
  if (row.eligibility.via === 'override')
    return { text: t('cert.status.override', { reason: row.override?.reason ?? '' }), tone: 'override' };
  return { text: whyNot(row, t) ?? '', tone: 'no' };
}
