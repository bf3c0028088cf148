import { useEffect, useState } from 'react';
import { leaveKiosk, shellCaps } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useOp';
import { useI18n } from '../../i18n';

/** CmdOrCtrl+Shift+K, as electron/main/security.ts isKioskChord reads it. */
const isChord = (e: KeyboardEvent) =>
  e.key.toLowerCase() === 'k' && e.shiftKey && !e.altKey && (navigator.platform.startsWith('Mac') ? e.metaKey : e.ctrlKey);

/**
 * The PIN prompt for leaving kiosk mode (issue 17, finding 4). The main process lets the chord
 * through to the page only while in kiosk mode with a PIN set (electron/main/kiosk.ts); it checks
 * the PIN itself and leaves kiosk mode when it is right. Mounted in the Hadir app only.
 */
export function KioskExitPrompt() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState<'wrong' | 'locked' | null>(null);
  useEffect(() => {
    if (!shellCaps().kiosk) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isChord(e) || e.repeat) return;
      e.preventDefault();
      setPin('');
      setWrong(null);
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = useAction(async () => {
    const r = await leaveKiosk(pin);
    setPin('');
    if (r.left) setOpen(false);
    else setWrong(r.locked ? 'locked' : 'wrong');
  });
  if (!open) return null;
  return (
    <Modal labelledBy="kiosk-exit-title" onClose={() => setOpen(false)}>
      <h2 id="kiosk-exit-title">{t('kioskExit.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <Field label={t('kioskExit.pin')} error={wrong ? t(wrong === 'locked' ? 'kioskExit.locked' : 'kioskExit.wrong') : undefined}>
          <input
            name="kioskExitPin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            data-autofocus
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </Field>
        <div className="actions">
          <button className="btn" type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
          <button className="btn btn-primary" type="submit" disabled={pin.length < 4 || submit.busy}>
            {t('kioskExit.leave')}
          </button>
        </div>
      </form>
      <ErrorAlert error={submit.error} />
    </Modal>
  );
}
