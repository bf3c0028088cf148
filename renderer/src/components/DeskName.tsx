import { useState } from 'react';
import { DESK_NAME_MAX, deskName } from '../../../electron/shared/desk';
import { useI18n } from '../i18n';

/**
 * The desk's name in the header, editable: it is written into the audit log of everything this
 * desk records, so "Meja 2" can be told from "Meja 1" afterwards.
 */
export function DeskName({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <button className="desk-name" onClick={() => setDraft(name)} title={t('desk.rename')} data-testid="desk-name">
        <span className="muted small">{t('desk.label')}</span> {name}
      </button>
    );
  }
  const parsed = deskName.safeParse(draft);
  return (
    <form
      className="desk-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsed.success) return;
        onRename(parsed.data);
        setDraft(null);
      }}
    >
      <label className="sr-only" htmlFor="desk-name-input">
        {t('desk.nameLabel')}
      </label>
      <input
        id="desk-name-input"
        value={draft}
        maxLength={DESK_NAME_MAX}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      />
      <button className="btn btn-small" type="submit" disabled={!parsed.success}>
        {t('common.save')}
      </button>
    </form>
  );
}
