import { useEffect, useRef, useState } from 'react';
import { enterOrganiserPin } from '../../api';
import { JoinRefused } from '../../desk-session';
import { useI18n } from '../../i18n';
import type { DeskRoleView } from './useDeskRole';
import './desk-role.css';

/**
 * What a desk on the venue network is (issue 19, item 7): "check-in only" with a way to enter the
 * organiser's PIN, or an organiser desk; and, once the organiser revoked it, that it is shut out.
 * Not shown on the hub laptop itself or in Electron (always the organiser).
 */
export function DeskRoleBar({ role }: { role: DeskRoleView }) {
  const { t, te } = useI18n();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Keyboard (issue 19, item 4): the button is replaced by the form, so the focus goes into the PIN
  // field when it opens and back to the button when it closes ("Batal", Escape), not to the page.
  const pinField = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const backToOpener = useRef(false);
  useEffect(() => {
    if (open) pinField.current?.focus();
    else if (backToOpener.current) opener.current?.focus();
    backToOpener.current = false;
  }, [open]);
  const close = () => {
    backToOpener.current = true;
    setOpen(false);
    setError(null);
  };
  if (role.revoked) {
    return (
      <div className="alert alert-error desk-role" role="alert" data-testid="desk-revoked">
        {t('deskRole.revoked')}
      </div>
    );
  }
  if (!role.remote || !role.session) return null;
  if (!role.checkinOnly) {
    return (
      <div className="desk-role desk-role-organiser muted small" data-testid="desk-role" data-role="organiser">
        {t('deskRole.organiser')}
      </div>
    );
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await enterOrganiserPin(pin);
      setOpen(false);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setPin('');
    }
  }
  const message = error instanceof JoinRefused ? te({ error: error.error }) : error ? te(error) : null;
  return (
    <div className="desk-role" data-testid="desk-role" data-role="checkin">
      <span>
        <strong>{t('deskRole.checkinOnly')}</strong> <span className="muted">{t('deskRole.checkinOnly.hint')}</span>
      </span>
      {!open ? (
        <button ref={opener} className="btn btn-small" onClick={() => setOpen(true)}>
          {t('deskRole.enterPin')}
        </button>
      ) : (
        <form className="desk-role-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <label htmlFor="desk-role-pin">{t('deskRole.pin')}</label>
          <input
            ref={pinField}
            id="desk-role-pin"
            className="input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
          <button className="btn btn-primary btn-small" disabled={busy || pin.length < 4}>
            {t('deskRole.pinSubmit')}
          </button>
          <button type="button" className="btn btn-small" onClick={close}>
            {t('deskRole.cancel')}
          </button>
        </form>
      )}
      {/* The refusal says the same: one line, not two. */}
      {!role.session.pinSet && !message && <p className="small muted desk-role-nopin">{t('deskRole.noPinYet')}</p>}
      {message && (
        <p className="small desk-role-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
