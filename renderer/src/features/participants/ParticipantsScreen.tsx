import { useCallback, useEffect, useState } from 'react';
import type { Facets } from '../../../../electron/shared/contract';
import type { HadirEvent } from '../../../../electron/shared/event';
import type { Participant } from '../../../../electron/shared/participant';
import { api, download } from '../../api';
import { Toast } from '../../components/Toast';
import { useI18n, type I18n } from '../../i18n';
import { ParticipantForm } from './ParticipantForm';
import { useParticipants, type Filters } from './useParticipants';

const PAGE = 200;

export function ParticipantsScreen({
  event,
  onChanged,
  onImport,
}: {
  event: HadirEvent;
  onChanged: () => void;
  onImport: () => void;
}) {
  const i18n = useI18n();
  const { t, te } = i18n;
  const [f, setF] = useState<Filters>({ query: '', regency: '', role: '', status: 'all', day: null });
  const [limit, setLimit] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [facets, setFacets] = useState<Facets>({ regencies: [], roles: [] });
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  // The text is a function so a toast already on screen follows the language switch.
  const [toast, setToast] = useState<{ text: (i: I18n) => string; undo?: () => void } | null>(null);
  const [personal, setPersonal] = useState(false);
  const { data, error } = useParticipants(f, limit, version);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);
  useEffect(
    () =>
      void api('participants.facets', {})
        .then(setFacets)
        .catch(() => undefined),
    [version],
  );
  const filter = (patch: Partial<Filters>) => (setF({ ...f, ...patch }), setLimit(PAGE));
  const closeToast = useCallback(() => setToast(null), []);

  async function remove(p: Participant) {
    try {
      await api('participants.delete', { id: p.id });
      reload();
      setToast({
        text: (i) => i.t('list.deleted', { name: p.name }),
        undo: async () => {
          await api('participants.restore', { id: p.id }).catch((e) => setToast({ text: (i) => i.te(e) }));
          setToast(null);
          reload();
        },
      });
    } catch (e) {
      setToast({ text: (i) => i.te(e) });
    }
  }

  async function exportAs(format: 'csv' | 'xlsx') {
    try {
      const file = await api('participants.export', { format, includePersonal: personal });
      download(file);
      setToast({ text: (i) => i.t('list.exported', { n: file.rows, file: file.fileName }) });
    } catch (e) {
      setToast({ text: (i) => i.te(e) });
    }
  }

  const rows = data?.rows ?? [];
  return (
    <section className="participants">
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
        </select>
        {f.status !== 'all' && (
          <select
            aria-label={t('event.days')}
            value={f.day ?? ''}
            onChange={(e) => filter({ day: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('list.anyDay')}</option>
            {event.days.map((d) => (
              <option key={d.dayNo} value={d.dayNo}>
                {t('common.day', { n: d.dayNo })} · {d.date}
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
          {data ? t('list.count', { shown: rows.length, total: data.total }) : t('common.loading')}
        </span>
        <div className="export">
          <label className="check">
            <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
            {t('list.includePersonal')}
          </label>
          <span className="muted">{t('list.export')}:</span>
          <button className="btn btn-small" onClick={() => exportAs('csv')}>
            CSV
          </button>
          <button className="btn btn-small" onClick={() => exportAs('xlsx')}>
            Excel
          </button>
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
              <th>{t('col.regency')}</th>
              <th>{t('col.role')}</th>
              <th>{t('col.phone')}</th>
              <th>{t('col.attendance')}</th>
              <th className="c-actions" aria-label="actions" />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="c-code mono">{p.code}</td>
                <td className="c-name">{p.name}</td>
                <td className="c-gender">{p.gender ? t(`gender.short.${p.gender}`) : ''}</td>
                <td>{p.regency}</td>
                <td>
                  <span className={`role role-${p.role.toLowerCase()}`}>{p.role}</span>
                </td>
                <td className="mono">{p.phone}</td>
                <td>
                  {event.days.map((d) => (
                    <span key={d.dayNo} className={`day-chip${p.daysPresent.includes(d.dayNo) ? ' on' : ''}`} title={d.date}>
                      {d.dayNo}
                    </span>
                  ))}
                </td>
                <td className="c-actions">
                  <button
                    className="btn btn-small btn-ghost"
                    onClick={async () => setEditing(await api('participants.get', { id: p.id }))}
                  >
                    {t('list.edit')}
                  </button>
                  <button className="btn btn-small btn-ghost danger" onClick={() => remove(p)}>
                    {t('list.delete')}
                  </button>
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
              <p>{t('list.empty')}</p>
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
        <Toast
          text={toast.text(i18n)}
          action={toast.undo ? t('list.undo') : undefined}
          onAction={toast.undo}
          onClose={closeToast}
        />
      )}
    </section>
  );
}
