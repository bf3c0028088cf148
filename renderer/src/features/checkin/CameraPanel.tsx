import { useState } from 'react';
import { useI18n, type MsgKey } from '../../i18n';
import { regionOfInterest } from './decoder-protocol';
import { readFlag, readPref, writeFlag, writePref } from './prefs';
import { useCamera, type CameraState } from './useCamera';
import { useDecoder } from './useDecoder';

const PROBLEM: Partial<Record<CameraState, MsgKey>> = {
  insecure: 'checkin.camera.insecure',
  unsupported: 'checkin.camera.error',
  denied: 'checkin.camera.denied',
  none: 'checkin.camera.none',
  error: 'checkin.camera.error',
};

/**
 * The webcam preview and its decoder. The mirror is CSS only (transform on the <video>): the
 * decoder reads the camera's own pixels, never the mirrored picture. The guide square is the
 * region the decoder reads.
 */
export function CameraPanel({ onText }: { onText: (text: string, at: number) => Promise<void> | void }) {
  const { t } = useI18n();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [wanted, setWanted] = useState<string | null>(() => readPref('camera'));
  const [mirror, setMirror] = useState(() => readFlag('mirror', true));
  const cam = useCamera(video, wanted);
  const decoder = useDecoder(video, cam.state === 'live', onText);
  const problem = PROBLEM[cam.state];
  // A rear camera looks away from the operator: a mirrored picture would only confuse.
  const mirrored = mirror && cam.facing !== 'environment';
  const roi = cam.width && cam.height ? regionOfInterest(cam.width, cam.height) : null;

  return (
    <div className="camera">
      <div
        className="camera-view"
        data-state={cam.state}
        style={cam.width && cam.height ? { aspectRatio: `${cam.width} / ${cam.height}` } : undefined}
      >
        <video
          ref={setVideo}
          className={mirrored ? 'mirrored' : undefined}
          muted
          playsInline
          aria-label={t('checkin.camera')}
          data-testid="camera-video"
        />
        {roi && cam.state === 'live' && (
          <div
            className="camera-roi"
            aria-hidden
            style={{ left: `${(roi.x / cam.width) * 100}%`, width: `${(roi.size / cam.width) * 100}%` }}
          />
        )}
        {cam.state === 'live' && <div className="camera-hint">{t('checkin.roi')}</div>}
        {cam.state === 'starting' && <div className="camera-msg">{t('checkin.camera.starting')}</div>}
        {problem && (
          <div className="camera-msg camera-problem" role="status" data-testid="camera-problem">
            {t(problem)}
          </div>
        )}
        {decoder === 'failed' && cam.state === 'live' && (
          <div className="camera-msg camera-problem" role="status">
            {t('checkin.decoder.failed')}
          </div>
        )}
      </div>
      {!problem && (
        <div className="camera-controls">
          <label className="camera-pick">
            <span>{t('checkin.camera')}</span>
            <select
              value={cam.deviceId ?? ''}
              onChange={(e) => {
                setWanted(e.target.value || null);
                writePref('camera', e.target.value || null);
              }}
            >
              {cam.devices.length === 0 && <option value="">—</option>}
              {cam.devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          {cam.facing !== 'environment' && (
            <label className="check">
              <input
                type="checkbox"
                checked={mirror}
                onChange={(e) => {
                  setMirror(e.target.checked);
                  writeFlag('mirror', e.target.checked);
                }}
              />
              {t('checkin.mirror')}
            </label>
          )}
        </div>
      )}
    </div>
  );
}
