import type { ImportPreview } from '../../../../electron/shared/import';
import type { I18n } from '../../i18n';

/**
 * The import button says what it will do ("Tambahkan 2 peserta baru dan perbarui 1"), not
 * "Impor 66 peserta" for a file that adds nobody.
 */
export function commitLabel(t: I18n['t'], p: ImportPreview, skipping: number): string {
  const base =
    p.wouldInsert && p.wouldUpdate
      ? t('import.commit.both', { insert: p.wouldInsert, update: p.wouldUpdate })
      : p.wouldInsert
        ? t('import.commit.insert', { insert: p.wouldInsert })
        : p.wouldUpdate
          ? t('import.commit.update', { update: p.wouldUpdate })
          : t('import.commit.nothing');
  return skipping && (p.wouldInsert || p.wouldUpdate) ? `${base} ${t('import.commit.skip', { n: skipping })}` : base;
}
