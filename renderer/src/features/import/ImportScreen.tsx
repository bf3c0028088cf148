import { useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../../../electron/shared/file';
import type { ImportOutcome, ImportPreview } from '../../../../electron/shared/import';
import { FIELDS, type Field } from '../../../../electron/shared/participant';
import { api, fileBytes } from '../../api';
import { useI18n, type MsgKey } from '../../i18n';
import { ProblemList } from './ProblemList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChangeList } from './ChangeList';
import { ImportWarnings } from './ImportWarnings';
import { KeptDeletedList } from './KeptDeletedList';
import { commitLabel } from './commit-label';
import { useAction } from '../../hooks/useOp';
import { useDesk } from '../desk/desk-context';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../useJob';

interface Loaded {
  fileName: string;
  bytes: Uint8Array;
  preview: ImportPreview;
}

/** What the organiser decided about the file; the preview is asked again whenever it changes. */
interface Choices {
  appEdits: 'keep' | 'file';
  allowFormulas: boolean;
}
const FIRST_LOOK: Choices = { appEdits: 'keep', allowFormulas: false };

/** Pick a file, check the mapping and the report, then commit all-or-nothing. */
export function ImportScreen({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const scope = useDesk();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [skip, setSkip] = useState(false);
  const [choices, setChoices] = useState<Choices>(FIRST_LOOK);
  // "Yes, these are new people": asked when nearly every row would be added next to an existing list.
  const [ackNew, setAckNew] = useState(false);
  const job = useJob();
  const [cancelled, setCancelled] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = useAction(async (file: File) => {
    setOutcome(null);
    setLoaded(null);
    refresh.clear();
    commit.clear();
    // Refuse here too, so a 500 MB file is not read into memory only to be refused.
    if (file.size > MAX_UPLOAD_BYTES) {
      throw { error: { code: 'import_too_large', message: 'too large', params: { bytes: file.size, max: MAX_UPLOAD_BYTES } } };
    }
    const bytes = await fileBytes(file);
    const preview = await api('participants.importPreview', {
      eventId: scope.eventId,
      fileName: file.name,
      bytes,
      ...FIRST_LOOK,
    });
    setLoaded({ fileName: file.name, bytes, preview });
    setChoices(FIRST_LOOK);
    setSkip(false);
    setAckNew(false);
  });

  const refresh = useAction(async (mapping: (Field | null)[], next: Choices) => {
    if (!loaded) return;
    // The choice shows at once; the counts and the button follow when the preview answers.
    const before = choices;
    setChoices(next);
    try {
      const preview = await api('participants.importPreview', {
        eventId: scope.eventId,
        fileName: loaded.fileName,
        bytes: loaded.bytes,
        mapping,
        ...next,
      });
      setLoaded({ ...loaded, preview });
    } catch (e) {
      setChoices(before);
      throw e;
    }
  });

  function remap(col: number, field: Field | null) {
    if (!loaded) return;
    // One column per field: choosing a field here frees it from any other column.
    setAckNew(false);
    void refresh.run(
      loaded.preview.mapping.map((m, i) => (i === col ? field : m === field ? null : m)),
      choices,
    );
  }
  const choose = (patch: Partial<Choices>) => loaded && void refresh.run(loaded.preview.mapping, { ...choices, ...patch });

  // The commit runs as a job: a large list takes seconds, shown with a progress bar that can
  // cancel it (all or nothing: a cancelled import leaves the list as it was).
  const commit = useAction(async () => {
    if (!loaded) return;
    setCancelled(false);
    const out = await job.run('participants.import', {
      ...scope,
      fileName: loaded.fileName,
      bytes: loaded.bytes,
      mapping: loaded.preview.mapping,
      skipInvalid: skip,
      ...choices,
    });
    if (out) {
      setOutcome(out);
      setLoaded(null);
    } else setCancelled(true);
  });
  const busy = pick.busy || commit.busy;
  const failure = pick.error ?? refresh.error ?? commit.error;

  if (outcome) {
    return (
      <section className="card narrow">
        <h1>{t('import.title')}</h1>
        <div className="alert alert-ok" role="status" data-testid="import-done">
          {t('import.done', {
            inserted: outcome.inserted,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
            keptDeleted: outcome.keptDeleted,
            skipped: outcome.skipped,
          })}
        </div>
        {outcome.appEditsKept > 0 && <p>{t('import.done.appEditsKept', { n: outcome.appEditsKept })}</p>}
        <KeptDeletedList people={outcome.keptDeletedPeople} count={outcome.keptDeleted} />
        <div className="actions">
          <button className="btn" onClick={() => setOutcome(null)}>
            {t('import.another')}
          </button>
          <button className="btn btn-primary" onClick={onDone}>
            {t('import.toList')}
          </button>
        </div>
      </section>
    );
  }

  const p = loaded?.preview;
  const bad = p ? p.totalRows - p.validRows : 0;
  const mustAck = !!p?.warnings.some((w) => w.code === 'mostly_new') && !ackNew;
  const warnedColumn = (i: number) => p?.warnings.find((w) => w.column !== '' && w.field === p.mapping[i]);
  const mapped = p ? p.mapping.map((m, i) => ({ m, i })).filter((x) => x.m !== null) : [];
  return (
    <section className="import">
      <div className="card">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.lead')}</p>
        {/* A real button opens the picker: it takes Enter and Space and shows its focus ring. The
            file input it stands for was a 1-pixel transparent element that Tab reached invisibly
            and Enter did not open. */}
        <div
          className="dropzone"
          onClick={(e) => e.target === e.currentTarget && fileInput.current?.click()}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const file = e.dataTransfer.files[0];
            if (file) void pick.run(file);
          }}
        >
          <input
            ref={fileInput}
            type="file"
            hidden
            tabIndex={-1}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // choosing the same file again (after fixing it) still reads it
              if (file) void pick.run(file);
            }}
            data-testid="import-file"
          />
          <button type="button" className="btn btn-secondary" onClick={() => fileInput.current?.click()} disabled={busy}>
            {t('import.choose')}
          </button>
          <span className="muted">{loaded ? loaded.fileName : t('import.drop')}</span>
          <span className="muted small">{t('import.limits')}</span>
        </div>
        <ErrorAlert error={failure} />
      </div>

      {p && (
        <>
          <div className="card">
            <h2>{t('import.mapping')}</h2>
            <p className="muted">
              {t('import.mapping.hint')}{' '}
              <span className="small" data-testid="import-detected">
                {t('import.detected', {
                  format: p.format.toUpperCase(),
                  encoding: p.encoding ?? 'xlsx',
                  delimiter: p.delimiter ? t(`delim.${p.delimiter}` as MsgKey) : '—',
                })}
              </span>
            </p>
            <div className="mapping">
              {p.headers.map((h, i) => (
                <label key={i} className={`mapping-item${warnedColumn(i) ? ' warn' : ''}`}>
                  <span className="mapping-col" title={h}>
                    {h || `#${i + 1}`}
                  </span>
                  <select
                    aria-label={h}
                    value={p.mapping[i] ?? ''}
                    onChange={(e) => void remap(i, (e.target.value || null) as Field | null)}
                  >
                    <option value="">{t('field.ignore')}</option>
                    {FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(`field.${f}` as MsgKey)}
                      </option>
                    ))}
                  </select>
                  {warnedColumn(i) && <span className="mapping-warn">⚠ {t('import.warn.column')}</span>}
                </label>
              ))}
            </div>
          </div>

          <div className="card">
            <h2>{t('import.preview')}</h2>
            <div className="table-wrap">
              <table className="table compact" data-testid="import-preview">
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    {mapped.map(({ m, i }) => (
                      <th key={i}>{t(`field.${m}` as MsgKey)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.sample.map((r) => (
                    <tr key={r.line} className={r.valid ? '' : 'invalid'}>
                      <td className="mono">{r.line}</td>
                      {mapped.map(({ m, i }) => (
                        <td key={i}>{r.values[m!]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <div className="card">
            <h2>{t('import.problems')}</h2>
            <ImportWarnings warnings={p.warnings} ackNew={ackNew} onAckNew={setAckNew} />
            {p.problems.length || !p.warnings.length ? (
              <ProblemList problems={p.problems} more={p.moreProblems} />
            ) : (
              <p>{t('import.noRowProblems')}</p>
            )}
            <div className="options">
              {p.formulaRows > 0 && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={choices.allowFormulas}
                    onChange={(e) => choose({ allowFormulas: e.target.checked })}
                  />
                  {t('import.allowFormulas', { n: p.formulaRows })}
                </label>
              )}
              {bad > 0 && (
                <label className="check">
                  <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
                  {t('import.skipInvalid', { n: bad })}
                </label>
              )}
            </div>
            {bad > 0 && !skip && <p className="muted small">{t('import.mustFix')}</p>}
          </div>

          <ChangeList preview={p} appEdits={choices.appEdits} onAppEdits={(v) => choose({ appEdits: v })} />

          <div className="card import-commit">
            <p data-testid="import-summary">
              {t('import.summary', {
                total: p.totalRows,
                valid: p.validRows,
                insert: p.wouldInsert,
                update: p.wouldUpdate,
                same: p.unchanged,
                deleted: p.keptDeleted,
                bad,
              })}
            </p>
            <KeptDeletedList people={p.keptDeletedPeople} count={p.keptDeleted} />
            {mustAck && <p className="muted small">{t('import.mustAck')}</p>}
            <JobProgress status={job.status} label={t('import.running', { file: loaded!.fileName })} onCancel={job.cancel} />
            {cancelled && (
              <div className="alert alert-warn" role="status" data-testid="import-cancelled">
                {t('job.cancelled')}
              </div>
            )}
            <div className="actions">
              <button className="btn" onClick={() => setLoaded(null)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button
                className="btn btn-primary"
                data-testid="import-commit"
                disabled={busy || (bad > 0 && !skip) || mustAck || p.wouldInsert + p.wouldUpdate === 0}
                onClick={() => void commit.run()}
              >
                {commitLabel(t, p, skip ? bad : 0)}
              </button>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
