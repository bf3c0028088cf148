import { useState } from 'react';
import type { HubStatus } from '../../../../electron/shared/hub';
import { useI18n } from '../../i18n';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { useConfirming } from './useConfirming';

/**
 * "Buka untuk meja lain / Open to other desks" (issue 19, item 1): the kiosk's own switch. On, the
 * kiosk serves the same HTTPS hub as `npm run web -- --host 0.0.0.0`; off (after a confirmation:
 * every desk is dropped), nothing listens beyond this laptop. A hub opened from the command line
 * says so instead: only Ctrl+C stops it.
 */
export function HubSwitchCard({ status, onSwitch }: { status: HubStatus; onSwitch: (open: boolean) => Promise<unknown> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  // "Tutup" asks first; the switch gets the focus back when the confirmation closes.
  const { confirming, open: confirm, close, opener: toggle } = useConfirming();
  const flip = (open: boolean) => {
    setBusy(true);
    void onSwitch(open).finally(() => (setBusy(false), close()));
  };

  if (status.fixed) {
    return (
      <section className="card hub-switch" aria-labelledby="hub-switch-title">
        <h2 id="hub-switch-title">{t('hubSwitch.title')}</h2>
        <p className="muted" data-testid="hub-switch-fixed">
          {t('hubSwitch.fixed')}
        </p>
      </section>
    );
  }
  return (
    <section className="card hub-switch" aria-labelledby="hub-switch-title">
      <div className="hub-switch-row">
        <h2 id="hub-switch-title">{t('hubSwitch.title')}</h2>
        <button
          ref={toggle}
          type="button"
          role="switch"
          aria-checked={status.open}
          aria-labelledby="hub-switch-title"
          aria-describedby="hub-switch-state"
          className={`hub-toggle${status.open ? ' on' : ''}`}
          disabled={busy || confirming}
          data-testid="hub-switch"
          onClick={() => (status.open ? confirm() : flip(true))}
        >
          <span className="hub-toggle-knob" aria-hidden="true" />
          <span className="hub-toggle-text">{status.open ? t('hubSwitch.on') : t('hubSwitch.off')}</span>
        </button>
      </div>
      <p id="hub-switch-state" className={status.open ? '' : 'muted'} data-testid="hub-switch-state">
        {busy ? t('hubSwitch.busy') : status.open ? t('hubSwitch.isOn') : t('hubSwitch.isOff')}
      </p>
      {confirming && (
        <ConfirmAlert
          id="hub-close-text"
          label={t('hubSwitch.close')}
          text={t('hubSwitch.close.confirm', { n: status.info?.liveDesks ?? 0 })}
          yes={t('hubSwitch.close.yes')}
          no={t('hubSwitch.close.no')}
          onYes={() => flip(false)}
          onCancel={close}
        />
      )}
    </section>
  );
}
