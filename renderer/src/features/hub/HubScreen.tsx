import { useCallback, useEffect, useRef, useState } from 'react';
import { HUB_CERT_FILE, HUB_CERT_PATH } from '../../../../electron/shared/hub';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TimeZone } from '../../../../electron/shared/time-zone';
import { useI18n } from '../../i18n';
import { ConfirmAlert } from '../../components/ConfirmAlert';
import { hubRequest, type HubAction, type HubAnswer } from './hub-api';
import { HubDesks } from './HubDesks';
import { HubPinCard } from './HubPinCard';
import { HubSwitchCard } from './HubSwitchCard';
import { useConfirming } from './useConfirming';
import './hub.css';

/** The desks count is read again this often while the screen is open. */
const REFRESH_MS = 5000;

/**
 * The hub laptop's screen for other desks (issue 19, item 1): the switch that opens the kiosk to
 * them, then the desk address with its key as a QR code (a phone's camera app opens it), "new key"
 * that drops every desk, the desks, and the hub's certificate with how to install it on Android,
 * iOS and Windows. The same operations in Electron and in the web host.
 */
export function HubScreen({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState<HubAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [renewed, setRenewed] = useState(false);
  const errorFrom = useRef<HubAction | null>(null);
  // "Kunci baru" is replaced by its confirmation; "Batal", Escape or the new key give the focus back.
  const newKey = useConfirming();

  const load = useCallback(
    (what: HubAction, input?: unknown) =>
      hubRequest(what, input).then(
        (a) => {
          setAnswer(a);
          // The 5 s re-read does not wipe what the organiser's last click was told (no network, say).
          if (what !== 'status' || errorFrom.current === 'status') setError(null);
        },
        (e: unknown) => ((errorFrom.current = what), setError(e)),
      ),
    [],
  );
  useEffect(() => {
    void load('status');
    const id = setInterval(() => void load('status'), REFRESH_MS);
    return () => clearInterval(id);
  }, [load]);

  const info = answer?.ok ? answer.status.info : null;
  return (
    <div className="hub">
      <h1>{t('hub.title')}</h1>
      <ErrorAlert error={error} />
      {answer && !answer.ok && (
        <div className={`alert ${answer.problem === 'access_key' ? 'alert-error' : 'alert-warn'}`} role="alert">
          {answer.problem === 'access_key' ? t('error.access_key') : t(`hub.${answer.problem}`)}
        </div>
      )}
      {answer?.ok && answer.status.available && (
        <HubSwitchCard status={answer.status} onSwitch={(open) => load(open ? 'open' : 'close')} />
      )}
      {answer?.ok && !answer.status.info && <HubPinCard pinSet={answer.status.pinSet} onSave={(pin) => load('pin', { pin })} />}
      {info && (
        <>
          <section className="card hub-desk" aria-labelledby="hub-desk-title">
            <h2 id="hub-desk-title" className="sr-only">
              {t('hub.address')}
            </h2>
            <p className="lead">{t('hub.scan')}</p>
            <div className="hub-codes">
              {info.deskUrls.map((url, i) => (
                <figure key={url} className="hub-code">
                  <img
                    data-testid="hub-qr"
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.qrSvgs[i]!)}`}
                    alt={t('hub.qrAlt', { url })}
                    width={280}
                    height={280}
                  />
                  <figcaption>
                    <span className="muted small">{t('hub.address')}</span>
                    <code className="hub-url" data-testid="hub-url">
                      <DeskUrl url={url} />
                    </code>
                  </figcaption>
                </figure>
              ))}
            </div>
            <p>
              {t('hub.key')}:{' '}
              <strong className="mono hub-key" data-testid="hub-key">
                {info.key}
              </strong>
            </p>
            <p className="muted" data-testid="hub-live">
              {t('hub.liveDesks', { n: info.liveDesks })}
            </p>
            {!newKey.confirming ? (
              <button ref={newKey.opener} className="btn btn-secondary" onClick={() => (newKey.open(), setRenewed(false))}>
                {t('hub.newKey')}
              </button>
            ) : (
              <ConfirmAlert
                id="hub-newkey-text"
                label={t('hub.newKey')}
                text={t('hub.newKey.confirm')}
                yes={t('hub.newKey.yes')}
                no={t('hub.newKey.no')}
                onYes={() => void load('newKey').then(() => (newKey.close(), setRenewed(true)))}
                onCancel={newKey.close}
              />
            )}
            {renewed && (
              <div className="alert alert-ok" role="status">
                {t('hub.newKey.done')}
              </div>
            )}
          </section>
          <HubDesks desks={info.desks} zone={zone} onRevoke={(id) => load('revoke', { id })} />
          <HubPinCard pinSet={info.pinSet} onSave={(pin) => load('pin', { pin })} />
          <section className="card" aria-labelledby="hub-cert-title">
            <h2 id="hub-cert-title">{t('hub.cert.title')}</h2>
            <p>{t('hub.cert.intro')}</p>
            <p>
              <a
                className="btn btn-secondary hub-cert-download"
                href={`.${HUB_CERT_PATH}`}
                download={HUB_CERT_FILE}
                data-testid="hub-cert"
              >
                {t('hub.cert.download')}
              </a>
            </p>
            {info.deskUrls.map((u) => (
              <p key={u} className="small">
                {t('hub.cert.at', { url: new URL(HUB_CERT_PATH, u).href })}
              </p>
            ))}
            <p className="small">
              {t('hub.cert.fingerprint')} <code className="hub-fingerprint">{info.fingerprint}</code>
            </p>
            <ul className="hub-steps">
              <li>{t('hub.cert.android')}</li>
              <li>{t('hub.cert.ios')}</li>
              <li>{t('hub.cert.windows')}</li>
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

/** The desk address, wrapped (when it must: a phone) before its key, never inside it. */
function DeskUrl({ url }: { url: string }) {
  const at = url.indexOf('#');
  if (at < 0) return <>{url}</>;
  return (
    <>
      {url.slice(0, at)}
      <wbr />
      {url.slice(at)}
    </>
  );
}
