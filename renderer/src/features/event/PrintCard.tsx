import { useState } from 'react';
import type { PrintOutcome, SaveOutcome } from '../../api';
import { api, listPrinters, printPdf, printSettings, saveFile, setPrintSettings, shellCaps } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { useAction, useOp } from '../../hooks/useOp';
import { useI18n } from '../../i18n';

/**
 * The kiosk's printing: which printer the desk prints to without asking (Electron only), and a
 * test page that shows at once whether printing keeps 100% scale, whole margins and backgrounds.
 * In a browser the PDF opens in a new tab instead.
 */
export function PrintCard({ note }: { /** A screen's own advice under the hint (the device check's ruler). */ note?: string } = {}) {
  const { t } = useI18n();
  const caps = shellCaps();
  const printers = useOp(() => listPrinters(), []);
  const settings = useOp(() => printSettings(), []);
  const [done, setDone] = useState<{ printed?: PrintOutcome; saved?: SaveOutcome; fileName?: string } | null>(null);
  const choose = useAction(async (name: string) => {
    await setPrintSettings({ deskPrinter: name || null });
    settings.reload();
  });
  const testPage = () => api('print.testPage', {});
  const print = useAction(async () => {
    setDone(null);
    const desk = settings.data?.deskPrinter;
    setDone({ printed: await printPdf(testPage, { mode: desk ? 'desk' : 'dialog' }) });
  });
  const save = useAction(async () => {
    setDone(null);
    const file = await testPage();
    const saved = await saveFile(file);
    if (saved) setDone({ saved, fileName: file.fileName });
  });
  const busy = print.busy || save.busy || choose.busy;
  const desk = settings.data?.deskPrinter ?? '';
  const known = printers.data ?? [];
  const displayName = (name: string) => known.find((p) => p.name === name)?.displayName ?? name;

  return (
    <section className="card narrow" aria-labelledby="print-title" data-testid="print-card">
      <h2 id="print-title">{t('print.title')}</h2>
      <p className="muted">{caps.printers ? t('print.hint.app') : t('print.hint.web')}</p>
      {note && <p data-testid="print-note">{note}</p>}
      {caps.printers && (
        <Field label={t('print.deskPrinter')}>
          <select
            name="deskPrinter"
            value={desk}
            disabled={busy || printers.loading}
            onChange={(e) => void choose.run(e.target.value)}
          >
            <option value="">{t('print.ask')}</option>
            {/* A desk printer no longer installed stays visible, so the operator sees why printing fails. */}
            {desk && !known.some((p) => p.name === desk) && <option value={desk}>{desk}</option>}
            {known.map((p) => (
              <option key={p.name} value={p.name}>
                {p.displayName}
              </option>
            ))}
          </select>
        </Field>
      )}
      {caps.printers && printers.data?.length === 0 && <p className="muted small">{t('print.noPrinters')}</p>}
      <div className="actions start">
        <button className="btn btn-secondary" disabled={busy} onClick={() => void print.run()}>
          {caps.printers ? t('print.testPage') : t('print.openTestPage')}
        </button>
        <button className="btn" disabled={busy} onClick={() => void save.run()}>
          {t('print.savePdf')}
        </button>
      </div>
      {done && (
        <div className="alert alert-ok" role="status" data-testid="print-done">
          {done.printed?.how === 'printer' &&
            (done.printed.deviceName
              ? t('print.sent', { printer: displayName(done.printed.deviceName) })
              : t('print.sentDialog'))}
          {done.printed?.how === 'not_printed' && t('print.notPrinted')}
          {done.printed?.how === 'tab' && t('print.opened')}
          {done.saved && t('print.saved', { file: done.saved.how === 'dialog' ? done.saved.path : (done.fileName ?? '') })}
          {done.printed && done.printed.how !== 'not_printed' && ` ${t('print.check')}`}
        </div>
      )}
      <ErrorAlert error={print.error ?? save.error ?? choose.error ?? printers.error ?? settings.error} />
    </section>
  );
}
