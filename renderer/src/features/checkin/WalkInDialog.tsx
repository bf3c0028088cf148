import { useState, type FormEvent } from 'react';
import type { ScanOutcome } from '../../../../electron/shared/checkin';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';

/**
 * Someone who is not on the list: add them and check them in, in one step (checkin.walkIn is one
 * transaction). Only what the desk needs is asked; the rest can be filled in on the participants
 * screen later.
 */
export function WalkInDialog({
  event,
  desk,
  day,
  onClose,
  onDone,
}: {
  event: HadirEvent;
  desk: string;
  day: number | null;
  onClose: () => void;
  onDone: (out: ScanOutcome) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [regency, setRegency] = useState('');
  const [institution, setInstitution] = useState('');
  const [role, setRole] = useState(event.roles[0] ?? 'Peserta');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(
        await api('checkin.walkIn', {
          eventId: event.id,
          desk,
          day,
          participant: { name, regency: regency || null, institution: institution || null, role },
        }),
      );
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <Modal labelledBy="walkin-title" onClose={onClose}>
      <form onSubmit={submit} className="form">
        <h2 id="walkin-title">{t('checkin.walkin.title')}</h2>
        <Field label={t('field.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required data-autofocus />
        </Field>
        <Field label={t('field.regency')}>
          <input value={regency} onChange={(e) => setRegency(e.target.value)} maxLength={120} />
        </Field>
        <Field label={t('field.institution')}>
          <input value={institution} onChange={(e) => setInstitution(e.target.value)} maxLength={200} />
        </Field>
        <Field label={t('field.role')}>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {event.roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
        <ErrorAlert error={failure} />
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn btn-primary" disabled={busy || !name.trim()}>
            {t('checkin.walkin.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
