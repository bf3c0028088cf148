import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useOp';
import { useI18n } from '../../i18n';

/**
 * Asks why (an override, a revocation), because the reason goes into the audit log: at least
 * three characters, as the host requires.
 */
export function ReasonDialog({
  title,
  lead,
  confirm,
  danger,
  onSubmit,
  onClose,
}: {
  title: string;
  lead: string;
  confirm: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const act = useAction(async () => {
    await onSubmit(reason.trim());
    onClose();
  });
  const tooShort = reason.trim().length < 3;
  return (
    <Modal labelledBy="reason-title" onClose={onClose} className="reason-dialog">
      <h2 id="reason-title">{title}</h2>
      <p className="muted">{lead}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooShort) void act.run();
        }}
      >
        <label className="field">
          <span className="field-label">{t('cert.reason')}</span>
          <textarea data-autofocus rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          <span className="field-hint">{t('cert.reason.hint')}</span>
        </label>
        <ErrorAlert error={act.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={tooShort || act.busy}>
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
