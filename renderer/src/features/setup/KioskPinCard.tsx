import { useState } from 'react';
import { kioskPinStatus, setKioskPin } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { useAction, useOp } from '../../hooks/useOp';
import { useI18n } from '../../i18n';

/**
 * The organiser PIN that guards leaving kiosk mode (issue 17, finding 4). In the Hadir app only:
 * a browser on the web host has no kiosk mode. The PIN is kept as a salted hash by the main
 * process; this card only says whether one is set.
 */
export function KioskPinCard() {
  const { t } = useI18n();
  const status = useOp(() => kioskPinStatus(), []);
  const [pin, setPin] = useState('');
  const [saved, setSaved] = useState<'set' | 'removed' | null>(null);
  const valid = /^\d{4,8}$/.test(pin);
  const save = useAction(async (next: string | null) => {
    setSaved(null);
    await setKioskPin(next);
    setPin('');
    status.reload();
    setSaved(next === null ? 'removed' : 'set');
  });
  return (
    <section className="card narrow" aria-labelledby="kiosk-pin-title" data-testid="kiosk-pin-card">
      <h2 id="kiosk-pin-title">{t('kioskPin.title')}</h2>
      <p className="muted">{status.data?.pinSet ? t('kioskPin.isSet') : t('kioskPin.notSet')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save.run(pin);
        }}
      >
        <Field label={t('kioskPin.new')} hint={t('kioskPin.hint')} error={pin && !valid ? t('kioskPin.invalid') : undefined}>
          <input
            name="kioskPin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </Field>
        <div className="actions start">
          <button className="btn btn-primary" type="submit" disabled={!valid || save.busy}>
            {t('kioskPin.save')}
          </button>
          {status.data?.pinSet && (
            <button className="btn" type="button" disabled={save.busy} onClick={() => void save.run(null)}>
              {t('kioskPin.remove')}
            </button>
          )}
        </div>
      </form>
      {saved && (
        <div className="alert alert-ok" role="status">
          {saved === 'set' ? t('kioskPin.saved') : t('kioskPin.removed')}
        </div>
      )}
      <ErrorAlert error={save.error ?? status.error} />
    </section>
  );
}
