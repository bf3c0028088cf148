import { useState, type FormEvent } from 'react';
import type { ScanOutcome, UndoOutcome } from '../../../../electron/shared/checkin';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';

/** Takes the desk's last check-in back, with the operator's reason (a new row in the log). */
export function UndoDialog({
  eventId,
  desk,
  outcome,
  onClose,
  onDone,
}: {
  eventId: number;
  desk: string;
  outcome: ScanOutcome;
  onClose: () => void;
  onDone: (u: UndoOutcome) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const p = outcome.participant!;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await api('checkin.undo', { eventId, desk, participantId: p.id, day: outcome.day!.dayNo, reason }));
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <Modal labelledBy="undo-title" onClose={onClose}>
      <form onSubmit={submit} className="form">
        <h2 id="undo-title">{t('checkin.undo.title', { name: p.name })}</h2>
        <Field label={t('checkin.undo.reason')}>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('checkin.undo.reason.ph')}
            minLength={3}
            maxLength={200}
            required
            data-autofocus
          />
        </Field>
        <ErrorAlert error={failure} />
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn btn-primary" disabled={busy || reason.trim().length < 3}>
            {t('checkin.undo.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
