import { useState } from 'react';
import { useI18n } from '../../i18n';

/**
 * The organiser's PIN on the hub laptop (issue 19, item 7): the kiosk PIN (core/system/kiosk-pin.ts)
 * that makes a desk an organiser desk. The web hub has no kiosk mode, so it is set here.
 */
export function HubPinCard({ pinSet, onSave }: { pinSet: boolean; onSave: (pin: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [saved, setSaved] = useState(false);
  const valid = /^\d{4,8}$/.test(pin);
  return (
    <section className="card" aria-labelledby="hub-pin-title" data-testid="hub-pin">
      <h2 id="hub-pin-title">{t('hub.pin.title')}</h2>
      <p>{t('hub.pin.intro')}</p>
      <p className={pinSet ? 'muted' : 'alert alert-warn'} data-testid="hub-pin-state">
        {pinSet ? t('hub.pin.isSet') : t('hub.pin.notSet')}
      </p>
      <form
        className="actions start hub-pin-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          void onSave(pin).then(() => (setSaved(true), setPin('')));
        }}
      >
        <label htmlFor="hub-pin-input">{t('hub.pin.new')}</label>
        <input
          id="hub-pin-input"
          className="input"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={pin}
          onChange={(e) => (setPin(e.target.value.replace(/\D/g, '')), setSaved(false))}
        />
        <button className="btn btn-secondary" disabled={!valid}>
          {t('hub.pin.save')}
        </button>
      </form>
      {saved && (
        <div className="alert alert-ok" role="status">
          {t('hub.pin.saved')}
        </div>
      )}
    </section>
  );
}
