import { useState } from 'react';
import type { VerifyResult } from '../../../../electron/shared/certificates';
import { api, saveFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useOp';
import { useI18n } from '../../i18n';
import { dateRange } from '../../i18n/dates';
import { CameraPanel } from '../checkin/CameraPanel';
import { useDesk } from '../desk/desk-context';

/**
 * Verify mode: point a printed certificate's QR at the camera, or paste its text, and the kiosk
 * answers authentic (with what the certificate claims), forged, or revoked. Also where the
 * public key and the offline verify.html are exported.
 */
export function VerifyPanel() {
  const { t, lang } = useI18n();
  const { eventId } = useDesk();
  const [text, setText] = useState('');
  const [camera, setCamera] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const check = useAction(async (claim: string) => setResult(await api('certificates.verify', { text: claim })));
  const exportKey = useAction(async (what: 'html' | 'pem') => {
    const k = await api('certificates.publicKey', { eventId });
    if (what === 'html') await saveFile(k.verifyHtml);
    else
      await saveFile({
        fileName: `kunci-publik-${k.kid}.pem`,
        mime: 'application/x-pem-file',
        bytes: new TextEncoder().encode(k.pem),
      });
  });
  const onCamera = (claim: string) => {
    if (claim === text) return;
    setText(claim);
    void check.run(claim);
  };

  return (
    <div className="cert-verify">
      <section className="card" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('cert.verify.title')}</h2>
        <p className="muted">{t('cert.verify.lead')}</p>
        <button className="btn" onClick={() => setCamera(!camera)} aria-pressed={camera}>
          {camera ? t('cert.verify.cameraOff') : t('cert.verify.camera')}
        </button>
        {camera && <CameraPanel onText={onCamera} />}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void check.run(text);
          }}
        >
          <label className="field">
            <span className="field-label">{t('cert.verify.text')}</span>
            <textarea
              rows={3}
              className="mono"
              value={text}
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
              placeholder="HS1|…"
            />
          </label>
          <button className="btn btn-primary" disabled={!text.trim() || check.busy}>
            {t('cert.verify.check')}
          </button>
        </form>
        <ErrorAlert error={check.error} />
        {result && (
          <div
            className={`verdict-box verdict-${result.verdict}`}
            role="status"
            data-testid="cert-verdict"
            data-verdict={result.verdict}
          >
            <p className="verdict-title">{t(`cert.verdict.${result.verdict}`)}</p>
            {result.verdict === 'forged' && <p>{t(`cert.verdict.reason.${result.reason ?? 'bad_signature'}`)}</p>}
            {result.claim && result.verdict !== 'forged' && (
              <dl>
                <dt>{t('cert.col.number')}</dt>
                <dd className="mono">{result.claim.number}</dd>
                <dt>{t('col.name')}</dt>
                <dd>{result.claim.name}</dd>
                <dt>{t('cert.verify.days')}</dt>
                <dd>{result.claim.days.map((d) => dateRange(d, d, lang)).join('; ') || '—'}</dd>
                {result.event && (
                  <>
                    <dt>{t('cert.verify.event')}</dt>
                    <dd>{result.event.name}</dd>
                  </>
                )}
                {result.revoked && (
                  <>
                    <dt>{t('cert.verify.revoked')}</dt>
                    <dd>
                      {dateRange(result.revoked.at.slice(0, 10), result.revoked.at.slice(0, 10), lang)} — {result.revoked.reason}
                    </dd>
                  </>
                )}
              </dl>
            )}
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="key-title">
        <h2 id="key-title">{t('cert.key.title')}</h2>
        <p className="muted">{t('cert.key.lead')}</p>
        <div className="actions-left">
          <button className="btn btn-primary" disabled={exportKey.busy} onClick={() => void exportKey.run('html')}>
            {t('cert.key.html')}
          </button>
          <button className="btn" disabled={exportKey.busy} onClick={() => void exportKey.run('pem')}>
            {t('cert.key.pem')}
          </button>
        </div>
        <ErrorAlert error={exportKey.error} />
      </section>
    </div>
  );
}
