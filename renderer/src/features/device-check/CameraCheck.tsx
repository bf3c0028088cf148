import { useState } from 'react';
import { CAMERA_TEST_CODE } from '../../../../electron/shared/doctor';
import { useI18n, type MsgKey } from '../../i18n';
import { regionOfInterest } from '../checkin/decoder-protocol';
import { readFlag, readPref } from '../checkin/prefs';
import { useCamera, type CameraState } from '../checkin/useCamera';
import { useDecoder } from '../checkin/useDecoder';
import { useFps } from './useFps';
import '../checkin/checkin.css';

const PROBLEM: Partial<Record<CameraState, MsgKey>> = {
  insecure: 'checkin.camera.insecure',
  unsupported: 'checkin.camera.error',
  denied: 'checkin.camera.denied',
  none: 'checkin.camera.none',
  error: 'checkin.camera.error',
};
/** Below this the desk's badges must be held close (issue 10 measured the 720p case). */
const GOOD_HEIGHT = 720;

/**
 * The desk's camera (the one chosen on the check-in screen) and the desk's decoder, with what
 * they deliver: resolution, frames per second, decoder state, and what it read. Nothing read
 * here reaches checkin.scan.
 */
export function CameraCheck() {
  const { t } = useI18n();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [read, setRead] = useState<string | null>(null);
  const cam = useCamera(video, readPref('camera'));
  const live = cam.state === 'live';
  const decoder = useDecoder(video, live, setRead);
  const fps = useFps(video, live);
  const problem = PROBLEM[cam.state];
  const roi = cam.width && cam.height ? regionOfInterest(cam.width, cam.height) : null;
  const size = `${cam.width}×${cam.height}`;

  return (
    <section className="card devcheck-card" aria-labelledby="devcheck-camera-title" data-testid="devcheck-camera">
      <h2 id="devcheck-camera-title">{t('devcheck.camera.title')}</h2>
      <p className="muted">{t('devcheck.camera.hint')}</p>
      <div className="camera-view" data-state={cam.state}>
        <video
          ref={setVideo}
          className={readFlag('mirror', true) ? 'mirrored' : undefined}
          muted
          playsInline
          aria-label={t('checkin.camera')}
          data-testid="devcheck-video"
        />
        {roi && live && (
          <div
            className="camera-roi"
            aria-hidden
            style={{ left: `${(roi.x / cam.width) * 100}%`, width: `${(roi.size / cam.width) * 100}%` }}
          />
        )}
        {cam.state === 'starting' && <div className="camera-msg">{t('checkin.camera.starting')}</div>}
        {problem && (
          <div className="camera-msg camera-problem" role="status" data-testid="camera-problem">
            {t(problem)}
          </div>
        )}
      </div>
      {live && (
        <dl className="devcheck-facts">
          <dt>{t('devcheck.camera.resolution')}</dt>
          <dd data-testid="devcheck-resolution">{size}</dd>
          <dt>{t('devcheck.camera.fps')}</dt>
          <dd data-testid="devcheck-fps">{fps ?? '…'}</dd>
          <dt>{t('devcheck.camera.decoder')}</dt>
          <dd data-testid="devcheck-decoder" data-state={decoder}>
            {t(`devcheck.decoder.${decoder}` as MsgKey)}
          </dd>
        </dl>
      )}
      {live && cam.height < GOOD_HEIGHT && <p className="alert alert-warn">{t('devcheck.camera.lowRes', { size })}</p>}
      {live && (
        <p
          className={read ? 'alert alert-ok' : 'muted'}
          role="status"
          data-testid="devcheck-read"
          data-read={read === null ? 'none' : read === CAMERA_TEST_CODE ? 'test' : 'other'}
        >
          {read === null
            ? t('devcheck.read.waiting')
            : read === CAMERA_TEST_CODE
              ? t('devcheck.read.test')
              : t('devcheck.read.other', { text: read.length > 40 ? `${read.slice(0, 40)}…` : read })}
        </p>
      )}
    </section>
  );
}
