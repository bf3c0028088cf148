import { useCallback, useState } from 'react';
import type { Facets } from '../../../../electron/shared/contract';
import type { HadirEvent } from '../../../../electron/shared/event';
import type { Participant } from '../../../../electron/shared/participant';
import { api, saveFile, shellCaps, showInFolder } from '../../api';
import { Toast } from '../../components/Toast';
import { useOp } from '../../hooks/useOp';
import { useDesk } from '../desk/desk-context';
import { useI18n, type I18n } from '../../i18n';
import { AttendanceCells, AttendanceHeads } from './AttendanceCell';
import { shortDate } from '../../i18n/dates';
import { ParticipantForm } from './ParticipantForm';
import { useParticipants, type Filters } from './useParticipants';

const PAGE = 200;

export function ParticipantsScreen({
  event,
  onChanged,
  onImport,
  onBadge,
}: {
  event: HadirEvent;
  onChanged: () => void;
  onImport: () => void;
  /** Reprint one tag (a lost badge, a walk-in): the badges screen opens for this participant. */
  onBadge: (p: Participant) => void;
}) {
  const i18n = useI18n();
  const { t, te, lang } = i18n;
  const scope = useDesk();
  const [f, setF] = useState<Filters>({ query: '', regency: '', role: '', status: 'all', day: null });
  const [limit, setLimit] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  // The text is a function so a toast already on screen follows the language switch.
  const [toast, setToast] = useState<{
    text: (i: I18n) => string;
    action?: { label: (i: I18n) => string; run: () => void };
  } | null>(null);
  const [personal, setPersonal] = useState(false);
  // Excel splits a CSV at the list separator of the computer's region: ";" in Indonesia, "," in
  // English-speaking ones. Until the organiser picks one, it follows the interface language.
  const [separator, setSeparator] = useState<';' | ',' | null>(null);
  const sep = separator ?? (lang === 'id' ? ';' : ',');
  const { data, error } = useParticipants(scope.eventId, f, limit, version);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);
  // The filters' choices; without them the list still works, so a failure here stays quiet.
  const facets: Facets = useOp(() => api('participants.facets', { eventId: scope.eventId }), [scope.eventId, version]).data ?? {
    regencies: [],
    roles: [],
  };
  const filter = (patch: Partial<Filters>) => (setF({ ...f, ...patch }), setLimit(PAGE));
  const closeToast = useCallback(() => setToast(null), []);

  /** Runs an operation; a failure becomes the toast, worded when drawn (and reworded on a language switch). */
  async function attempt(fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      setToast({ text: (i) => i.te(e) });
    }
  }

  const remove = (p: Participant) =>
    attempt(async () => {
      await api('participants.delete', { ...scope, id: p.id });
      reload();
      setToast({
        text: (i) => i.t('list.deleted', { name: p.name }),
        action: { label: (i) => i.t('list.undo'), run: () => void undo(p) },
      });
    });

  // A failed restore (someone re-registered the person meanwhile) replaces the toast with the
  // reason; it used to be shown and cleared at once. The list reloads either way: it shows what
  // the host really holds.
  const undo = async (p: Participant) => {
    setToast(null);
    try {
      await api('participants.restore', { ...scope, id: p.id });
    } catch (e) {
      setToast({ text: (i) => i.t('list.undoFailed', { reason: i.te(e) }) });
    } finally {
      reload();
    }
  };

  const restore = (p: Participant) =>
    attempt(async () => {
      await api('participants.restore', { ...scope, id: p.id });
      reload();
      setToast({ text: (i) => i.t('list.restored', { name: p.name, code: p.code }) });
    });

  const edit = (p: Participant) =>
    attempt(async () => setEditing(await api('participants.get', { eventId: scope.eventId, id: p.id })));

  // Saved through the save dialog in the app (with "show in folder"), downloaded in a browser.
  const exportAs = (format: 'csv' | 'xlsx') =>
    attempt(async () => {
      const file = await api('participants.export', { ...scope, format, includePersonal: personal, separator: sep });
      const saved = await saveFile(file);
      if (!saved) return; // the operator cancelled the save dialog
      const where = saved.how === 'dialog' ? saved.path : file.fileName;
      setToast({
        text: (i) => i.t('list.exported', { n: file.rows, file: where }),
        action:
          saved.how === 'dialog' && shellCaps().showInFolder
            ? {
                label: (i) => i.t('file.showInFolder'),
                run: () => void attempt(() => showInFolder(saved.path).then(() => undefined)),
              }
            : undefined,
      });
    });

  const rows = data?.rows ?? [];
  const deletedView = f.status === 'deleted';
  return (
    <section className="participants" aria-labelledby="list-title">
      <h1 id="list-title" className="sr-only">
        {t('nav.participants')}
      </h1>
      <div className="toolbar">
        <input
          className="search"
          type="search"
          autoFocus
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          value={f.query}
          onChange={(e) => filter({ query: e.target.value })}
        />
        <select aria-label={t('col.regency')} value={f.regency} onChange={(e) => filter({ regency: e.target.value })}>
          <option value="">{t('list.allRegencies')}</option>
          {facets.regencies.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <select aria-label={t('col.role')} value={f.role} onChange={(e) => filter({ role: e.target.value })}>
          <option value="">{t('list.allRoles')}</option>
          {facets.roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <select
          aria-label={t('col.attendance')}
          value={f.status}
          onChange={(e) => filter({ status: e.target.value as Filters['status'] })}
        >
          <option value="all">{t('list.status.all')}</option>
          <option value="present">{t('list.status.present')}</option>
          <option value="absent">{t('list.status.absent')}</option>
          <option value="deleted">{t('list.status.deleted')}</option>
        </select>
        {(f.status === 'present' || f.status === 'absent') && (
          <select
            aria-label={t('event.days')}
            value={f.day ?? ''}
            onChange={(e) => filter({ day: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('list.anyDay')}</option>
            {event.days.map((d) => (
              <option key={d.dayNo} value={d.dayNo}>
                {t('common.day', { n: d.dayNo })} · {shortDate(d.date, lang)}
              </option>
            ))}
          </select>
        )}
        <button className="btn btn-primary" onClick={() => setEditing('new')}>
          {t('list.add')}
        </button>
      </div>

      <div className="list-meta">
        <span data-testid="list-count">
          {!data
            ? t('common.loading')
            : deletedView
              ? t('list.countDeleted', { n: data.total, all: data.deleted })
              : t('list.count', { n: data.total, all: data.all })}
        </span>
        <div className="export">
          <label className="check">
            <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
            {t('list.includePersonal')}
          </label>
          <span className="muted">{t('list.export')}:</span>
          <button className="btn btn-small" onClick={() => void exportAs('xlsx')}>
            Excel
          </button>
          <button className="btn btn-small" onClick={() => void exportAs('csv')}>
            CSV
          </button>
          <select
            className="select-small"
            aria-label={t('list.separator')}
            title={t('list.separator')}
            value={sep}
            onChange={(e) => setSeparator(e.target.value as ';' | ',')}
          >
            <option value=";">{t('list.separator.semicolon')}</option>
            <option value=",">{t('list.separator.comma')}</option>
          </select>
        </div>
      </div>

      {error != null && <div className="alert alert-error">{te(error)}</div>}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th className="c-code">{t('col.code')}</th>
              <th>{t('col.name')}</th>
              <th className="c-gender">{t('col.gender')}</th>
              <th className="c-regency">{t('col.regency')}</th>
              <th>{t('col.role')}</th>
              <th>{t('col.phone')}</th>
              <AttendanceHeads days={event.days} />
              <th className="c-actions">
                <span className="sr-only">{t('col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className={p.deleted ? 'deleted' : undefined}>
                <td className="c-code mono">{p.code}</td>
                <td className="c-name">{p.name}</td>
                <td className="c-gender">{p.gender ? t(`gender.short.${p.gender}`) : ''}</td>
                <td className="c-regency">{p.regency}</td>
                <td>
                  <span className={`role role-${p.role.toLowerCase()}`}>{p.role}</span>
                </td>
                <td className="mono">{p.phone}</td>
                <AttendanceCells days={event.days} zone={event.timeZone} presentAt={p.presentAt} />
                <td className="c-actions">
                  {p.deleted ? (
                    <button className="btn btn-small btn-secondary" onClick={() => void restore(p)}>
                      {t('list.restore')}
                    </button>
                  ) : (
                    <>
                      <button className="btn btn-small btn-ghost" onClick={() => void edit(p)}>
                        {t('list.edit')}
                      </button>
                      <button className="btn btn-small btn-ghost" onClick={() => onBadge(p)}>
                        {t('list.badge')}
                      </button>
                      <button className="btn btn-small btn-ghost danger" onClick={() => void remove(p)}>
                        {t('list.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && rows.length === 0 && (
          <div className="empty">
            {data.total === 0 && !f.query && !f.regency && !f.role && f.status === 'all' ? (
              <>
                <p>{t('list.emptyAll')}</p>
                <button className="btn btn-primary" onClick={onImport}>
                  {t('nav.import')}
                </button>
              </>
            ) : (
              <p>{deletedView && !f.query ? t('list.emptyDeleted') : t('list.empty')}</p>
            )}
          </div>
        )}
        {data && rows.length < data.total && (
          <button className="btn more" onClick={() => setLimit(limit + PAGE)}>
            {t('list.more')}
          </button>
        )}
      </div>

      {editing && (
        <ParticipantForm
          existing={editing === 'new' ? undefined : editing}
          roles={facets.roles}
          onClose={() => setEditing(null)}
          onSaved={() => (setEditing(null), reload())}
        />
      )}
      {toast && (
        <Toast text={toast.text(i18n)} action={toast.action?.label(i18n)} onAction={toast.action?.run} onClose={closeToast} />
      )}
    </section>
  );
}
