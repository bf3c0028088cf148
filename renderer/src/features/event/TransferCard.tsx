// Moving an event to another laptop: the whole event (participants, check-ins, certificates,
// logo, template, keys) as one .hadir file, and taking such a file in, as a new event or into the
// same event already here. The core does the work (core/event/transfer.ts); this is its front.
import { useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import type { EventImportOutcome, ImportMode } from '../../../../electron/shared/event-transfer';
import { MAX_UPLOAD_BYTES } from '../../../../electron/shared/file';
import { api, fileBytes, saveFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileButton } from '../../components/FileButton';
import { useAction } from '../../hooks/useOp';
import { useI18n } from '../../i18n';
import { ReconciliationList } from '../reports/ReconciliationList';

export function TransferCard({ event, onImported }: { event: HadirEvent; onImported: (eventId: number) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ImportMode>('new');
  const [saved, setSaved] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<EventImportOutcome | null>(null);
  const exp = useAction(async () => {
    setSaved(null);
    const file = await api('event.exportFile', { eventId: event.id });
    const how = await saveFile(file);
    if (how) setSaved(how.how === 'dialog' ? how.path : file.fileName);
  });
  const imp = useAction(async (file: File) => {
    setOutcome(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      throw { error: { code: 'event_file_invalid', message: '', params: { detail: 'bytes', bytes: file.size } } };
    }
    const out = await api('event.importFile', { bytes: await fileBytes(file), mode });
    setOutcome(out);
    onImported(out.eventId);
  });
  const busy = exp.busy || imp.busy;
  const rows = (o: EventImportOutcome) => ({
    p: o.added.participant ?? 0,
    s: o.added.scan ?? 0,
    u: o.updated.participant ?? 0,
  });
  const doneText = (o: EventImportOutcome) =>
    o.created ? 'transfer.created' : mode === 'replace' ? 'transfer.replaced' : 'transfer.merged';

  return (
    <section className="card narrow" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <p className="muted">{t('transfer.hint')}</p>
      <div className="actions">
        <button className="btn btn-secondary" disabled={busy} onClick={() => void exp.run()} data-testid="event-export">
          {t('transfer.export')}
        </button>
      </div>
      {saved && (
        <p className="alert alert-ok" role="status">
          {t('transfer.saved', { file: saved })}
        </p>
      )}
      <fieldset className="fieldset">
        <legend>{t('transfer.import')}</legend>
        {(['new', 'merge', 'replace'] as const).map((m) => (
          <label className="radio" key={m}>
            <input type="radio" name="transfer-mode" checked={mode === m} onChange={() => setMode(m)} />
            {t(`transfer.mode.${m}`)}
          </label>
        ))}
        <div className="actions">
          <FileButton
            accept=".hadir,application/octet-stream"
            label={t('transfer.choose')}
            disabled={busy}
            testId="event-import-file"
            onFile={(f) => void imp.run(f)}
          />
        </div>
      </fieldset>
      {outcome && (
        <p className="alert alert-ok" role="status" data-testid="event-imported">
          {t(doneText(outcome), rows(outcome))}
        </p>
      )}
      {outcome && !outcome.created && (outcome.added.scan ?? 0) > 0 && (
        // Laptops without a network (issue 19, item 6): who was checked in on both, at once.
        <div data-testid="merge-reconciliation">
          <h3>{t('recon.merge.title')}</h3>
          {outcome.reconciliation?.length ? (
            <>
              <p className="muted">{t('recon.merge.hint')}</p>
              <ReconciliationList cases={outcome.reconciliation} testId="merge-recon-list" />
            </>
          ) : (
            <p className="muted">{t('recon.merge.none')}</p>
          )}
        </div>
      )}
      <ErrorAlert error={exp.error ?? imp.error} />
    </section>
  );
}
