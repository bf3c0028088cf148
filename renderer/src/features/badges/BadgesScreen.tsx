import { useEffect, useMemo, useState } from 'react';
import {
  BADGE_LAYOUTS,
  BADGE_PAGE_MM,
  MAX_OFFSET_MM,
  NO_OFFSET,
  type BadgeFile,
  type BadgeLayoutId,
  type BadgeOffsets,
  type BadgeWhom,
} from '../../../../electron/shared/badges';
import type { Facets } from '../../../../electron/shared/contract';
import type { FileResult } from '../../../../electron/shared/file';
import type { Participant } from '../../../../electron/shared/participant';
import { api, printPdf, printSettings, saveFile } from '../../api';
import { useOp } from '../../hooks/useOp';
import { useI18n, type MsgKey } from '../../i18n';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../useJob';
import { usePreview } from './usePreview';
import { BatchUndrawn, UndrawableNames } from '../../components/UndrawableNames';
import type { UndrawnName } from '../../../../electron/shared/visible-text';
import { useDesk } from '../desk/desk-context';

export type Who = 'all' | 'filter' | 'selected' | 'one';
export interface BadgeTarget {
  id: number;
  name: string;
}

const LAYOUT_KEY = 'hadir.badges.layout';
/** Up to this many tags render directly; more run as a job with a progress bar and Cancel. */
const DIRECT_MAX = 40;

function savedLayout(): BadgeLayoutId {
  const v = localStorage.getItem(LAYOUT_KEY);
  return (BADGE_LAYOUTS as readonly string[]).includes(v ?? '') ? (v as BadgeLayoutId) : 'a4-8';
}

export function BadgesScreen({ target, onTargetDone }: { target: BadgeTarget | null; onTargetDone: () => void }) {
  const { t, te } = useI18n();
  const scope = useDesk();
  const { eventId } = scope;
  const [layout, setLayoutState] = useState<BadgeLayoutId>(savedLayout);
  const [who, setWho] = useState<Who>(target ? 'one' : 'all');
  const [query, setQuery] = useState('');
  const [regency, setRegency] = useState('');
  const [role, setRole] = useState('');
  const [facets, setFacets] = useState<Facets>({ regencies: [], roles: [] });
  const [matches, setMatches] = useState<{ rows: Participant[]; total: number } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [offsets, setOffsets] = useState<BadgeOffsets | null>(null);
  const [draft, setDraft] = useState({ x: '0', y: '0' });
  // Key and params, not text: a message on screen follows a language switch.
  const [message, setMessage] = useState<{ key: MsgKey; params?: Record<string, string | number> } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** The last batch's people whose names printed with empty boxes (BadgeFile.undrawable). */
  const [undrawn, setUndrawn] = useState<UndrawnName[]>([]);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  // Batches run as the badges.render job: rendered in a worker thread, with a bar and Stop.
  const batch = useJob();

  useEffect(() => {
    if (target) setWho('one');
  }, [target]);
  useEffect(() => void api('participants.facets', { eventId }).then(setFacets, () => undefined), [eventId]);
  useEffect(() => void api('badges.offsets', {}).then(setOffsets, setFailure), []);
  const offset = offsets?.[layout] ?? NO_OFFSET;
  useEffect(() => setDraft({ x: String(offset.x), y: String(offset.y) }), [offset.x, offset.y]);

  // The participants the filter matches: the count for "current filter", the rows to tick for "selected".
  useEffect(() => {
    let current = true;
    api('participants.list', { eventId, query, regency: regency || null, role: role || null, limit: 200 })
      .then((r) => current && setMatches({ rows: r.rows, total: r.total }))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [eventId, query, regency, role, version]);

  const whom: BadgeWhom | null = useMemo(() => {
    if (who === 'all') return { kind: 'all' };
    if (who === 'filter')
      return matches?.total ? { kind: 'filter', query, regency: regency || null, role: role || null, status: 'all' } : null;
    if (who === 'selected') return selected.length ? { kind: 'ids', ids: selected } : null;
    return target ? { kind: 'ids', ids: [target.id] } : null;
  }, [who, query, regency, role, selected, target, matches?.total]);

  const { preview, error: previewError, busy: previewBusy } = usePreview(eventId, layout, whom, offset, version);
  const [total, setTotal] = useState<number | null>(null);
  useEffect(() => {
    if (who === 'all') void api('participants.list', { eventId, limit: 1 }).then((r) => setTotal(r.total), setFailure);
    else setTotal(who === 'filter' ? (matches?.total ?? 0) : who === 'selected' ? selected.length : target ? 1 : 0);
  }, [eventId, who, matches?.total, selected.length, target, version]);
  const pages = total ? Math.ceil(total / BADGE_PAGE_MM[layout].perPage) : 0;

  function setLayout(l: BadgeLayoutId) {
    localStorage.setItem(LAYOUT_KEY, l);
    setLayoutState(l);
  }

  async function act<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(null);
    setMessage(null);
    setUndrawn([]);
    try {
      return await fn();
    } catch (e) {
      setFailure(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function render(): Promise<BadgeFile | null> {
    if (!whom) return null;
    const input = { eventId, layout, whom, offset };
    const file =
      total !== null && total > DIRECT_MAX ? await batch.run('badges.render', input) : await api('badges.render', input);
    setUndrawn(file?.undrawable ?? []);
    return file;
  }

  // In the app: a walk-in's tag goes silently to the desk printer when one is set, anything else
  // through the print dialog. In a browser: the PDF opens in a new tab (api.ts printPdf, which
  // opens the tab at the click, before the wait, so it is not blocked as a pop-up).
  const deskPrinter = useOp(() => printSettings(), []).data?.deskPrinter ?? null;
  const print = () =>
    whom &&
    act(async () => {
      let made: BadgeFile | null = null;
      const make = async (): Promise<FileResult> => {
        made = await render();
        if (!made) throw new Error('Nothing to print');
        return made;
      };
      const outcome = await printPdf(make, { mode: who === 'one' && deskPrinter ? 'desk' : 'dialog' });
      const file = made as BadgeFile | null;
      if (outcome.how === 'not_printed') setMessage({ key: 'print.notPrinted' });
      else if (file) setMessage({ key: 'badges.printed', params: { tags: file.tags, pages: file.pages } });
      if (who === 'one') onTargetDone();
    });
  const save = () =>
    act(async () => {
      const file = await render();
      if (!file) return;
      const saved = await saveFile(file); // the save dialog in the app, a download in a browser
      if (!saved) return;
      const where = saved.how === 'dialog' ? saved.path : file.fileName;
      setMessage({ key: 'badges.saved', params: { tags: file.tags, pages: file.pages, file: where } });
    });
  const testSheet = () => act(async () => saveFile(await api('badges.testSheet', { layout, offset })));
  const saveOffset = () =>
    act(async () => {
      const next = { x: Number(draft.x.replace(',', '.')), y: Number(draft.y.replace(',', '.')) };
      setOffsets(await api('badges.setOffset', { layout, offset: next }));
      setMessage({ key: 'badges.offsetSaved' });
    });
  const reissue = () =>
    target &&
    window.confirm(t('badges.reissueConfirm', { name: target.name })) &&
    act(async () => {
      const r = await api('badges.reissue', { ...scope, id: target.id });
      setMessage({ key: 'badges.reissued', params: { name: target.name, old: r.oldCode, code: r.newCode } });
      setVersion((v) => v + 1);
    });

  const WHO: { id: Who; label: MsgKey }[] = [
    { id: 'all', label: 'badges.who.all' },
    { id: 'filter', label: 'badges.who.filter' },
    { id: 'selected', label: 'badges.who.selected' },
    ...(target ? [{ id: 'one' as const, label: 'badges.who.one' as const }] : []),
  ];
  const page = BADGE_PAGE_MM[layout];

  return (
    <section className="badges" aria-labelledby="badges-title">
      <div className="badges-side">
        <h1 id="badges-title">{t('badges.title')}</h1>
        <UndrawableNames />

        <fieldset className="badges-group">
          <legend>{t('badges.layout')}</legend>
          {BADGE_LAYOUTS.map((l) => (
            <label key={l} className="radio">
              <input type="radio" name="layout" value={l} checked={layout === l} onChange={() => setLayout(l)} />
              {t(`badges.layout.${l}` as MsgKey)}
            </label>
          ))}
        </fieldset>

        <fieldset className="badges-group">
          <legend>{t('badges.who')}</legend>
          {WHO.map((w) => (
            <label key={w.id} className="radio">
              <input type="radio" name="who" value={w.id} checked={who === w.id} onChange={() => setWho(w.id)} />
              {w.id === 'one' && target ? `${t(w.label)}: ${target.name}` : t(w.label)}
            </label>
          ))}
          {(who === 'filter' || who === 'selected') && (
            <div className="badges-filter">
              <input
                type="search"
                aria-label={t('list.search')}
                placeholder={t('list.search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select aria-label={t('col.regency')} value={regency} onChange={(e) => setRegency(e.target.value)}>
                <option value="">{t('list.allRegencies')}</option>
                {facets.regencies.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
              <select aria-label={t('col.role')} value={role} onChange={(e) => setRole(e.target.value)}>
                <option value="">{t('list.allRoles')}</option>
                {facets.roles.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
          )}
          {who === 'selected' && matches && (
            <ul className="badges-pick" aria-label={t('badges.who.selected')}>
              {matches.rows.map((p) => (
                <li key={p.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selected.includes(p.id)}
                      onChange={(e) => setSelected(e.target.checked ? [...selected, p.id] : selected.filter((s) => s !== p.id))}
                    />
                    {p.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <p className="badges-count" data-testid="badges-count">
          {total === null ? t('common.loading') : t('badges.count', { tags: total, pages })}
        </p>

        <div className="badges-actions">
          <button className="btn btn-primary" disabled={!whom || busy || !total} onClick={print}>
            {t('badges.print')}
          </button>
          <button className="btn" disabled={!whom || busy || !total} onClick={save}>
            {t('badges.save')}
          </button>
          {who === 'one' && target && (
            <button className="btn btn-ghost" disabled={busy} onClick={reissue}>
              {t('badges.reissue')}
            </button>
          )}
        </div>
        <JobProgress status={batch.status} label={t('badges.rendering')} onCancel={batch.cancel} />
        {message && (
          <p className="alert alert-ok" role="status">
            {t(message.key, message.params)}
          </p>
        )}
        {failure != null && <p className="alert alert-error">{te(failure)}</p>}
        <BatchUndrawn people={undrawn} />

        <details className="badges-group badges-calibrate">
          <summary>{t('badges.calibrate')}</summary>
          <p className="muted">{t('badges.calibrate.help', { max: MAX_OFFSET_MM })}</p>
          <div className="badges-offset">
            <label>
              X (mm)
              <input
                type="number"
                step="0.5"
                min={-MAX_OFFSET_MM}
                max={MAX_OFFSET_MM}
                value={draft.x}
                onChange={(e) => setDraft({ ...draft, x: e.target.value })}
              />
            </label>
            <label>
              Y (mm)
              <input
                type="number"
                step="0.5"
                min={-MAX_OFFSET_MM}
                max={MAX_OFFSET_MM}
                value={draft.y}
                onChange={(e) => setDraft({ ...draft, y: e.target.value })}
              />
            </label>
            <button className="btn btn-small" disabled={busy} onClick={saveOffset}>
              {t('badges.offset.save')}
            </button>
          </div>
          <button className="btn btn-small btn-secondary" disabled={busy} onClick={testSheet}>
            {t('badges.testSheet')}
          </button>
        </details>
      </div>

      <div className="badges-preview" aria-busy={previewBusy}>
        {preview ? (
          <img
            src={preview.url}
            alt={t('badges.previewAlt', { layout: t(`badges.layout.${layout}` as MsgKey) })}
            data-testid="badge-preview"
            style={{ aspectRatio: `${page.w} / ${page.h}` }}
          />
        ) : (
          <div className="badges-empty">{previewError ? te(previewError) : whom ? t('common.loading') : t('badges.nobody')}</div>
        )}
        <p className="muted">{t('badges.previewNote')}</p>
      </div>
    </section>
  );
}
