import { useEffect, useState } from 'react';

export type CameraState =
  /** Browsers grant cameras only to secure origins: a desk on http://<kiosk-ip> has none. */
  'insecure' | 'unsupported' | 'starting' | 'live' | 'denied' | 'none' | 'error';

export interface CameraInfo {
  state: CameraState;
  devices: { deviceId: string; label: string }[];
  /** The camera actually open (the remembered one, or the default when it is gone). */
  deviceId: string | null;
  width: number;
  height: number;
  /** 'environment' for a phone's rear camera, 'user' for a selfie or laptop camera, else ''. */
  facing: string;
}

/**
 * Opens the webcam into `video`, asking for 1280×720 as `ideal` (a `min` can be refused outright;
 * without a size Chromium often opens laptop webcams at 640×480). Continuous focus only where the
 * camera offers it. The camera is released when the screen is left or the choice changes, also
 * when the stream arrives after that (getUserMedia can take seconds while a permission prompt or
 * a slow driver waits): a late stream is stopped at once.
 */
export function useCamera(video: HTMLVideoElement | null, wantedId: string | null): CameraInfo {
  const [info, setInfo] = useState<CameraInfo>({ state: 'starting', devices: [], deviceId: null, width: 0, height: 0, facing: '' });

  useEffect(() => {
    if (!video) return;
    if (!window.isSecureContext) return setInfo((i) => ({ ...i, state: 'insecure' }));
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) return setInfo((i) => ({ ...i, state: 'unsupported' }));
    let cancelled = false;
    let stream: MediaStream | null = null;
    setInfo((i) => ({ ...i, state: 'starting' }));

    const open = (deviceId: string | null) =>
      media.getUserMedia({
        audio: false,
        // No camera chosen: the rear one on a phone (issue 19); `ideal`, so a laptop's only
        // camera still opens.
        video: {
          ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
          width: { ideal: 1280 },
          height: { ideal: 720 },
        },
      });

    (async () => {
      let s: MediaStream;
      try {
        s = await open(wantedId).catch((e: unknown) => {
          // The remembered camera was unplugged: take the default one rather than none.
          if (wantedId && e instanceof DOMException && (e.name === 'OverconstrainedError' || e.name === 'NotFoundError'))
            return open(null);
          throw e;
        });
      } catch (e) {
        if (cancelled) return;
        const name = e instanceof DOMException ? e.name : '';
        setInfo((i) => ({ ...i, state: name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' ? 'none' : 'error' }));
        return;
      }
      if (cancelled) return s.getTracks().forEach((t) => t.stop());
      stream = s;
      const track = s.getVideoTracks()[0]!;
      const caps = (track.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { focusMode?: string[] };
      if (caps.focusMode?.includes('continuous')) {
        await track
          .applyConstraints({ advanced: [{ focusMode: 'continuous' } as MediaTrackConstraintSet] })
          .catch(() => undefined);
      }
      video.srcObject = s;
      await video.play().catch(() => undefined);
      const devices = (await media.enumerateDevices().catch(() => []))
        .filter((d) => d.kind === 'videoinput')
        .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Kamera ${i + 1}` }));
      if (cancelled) return;
      const settings = track.getSettings();
      setInfo({
        state: 'live',
        devices,
        deviceId: settings.deviceId ?? null,
        width: settings.width ?? 0,
        height: settings.height ?? 0,
        facing: settings.facingMode ?? '',
      });
    })();

    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
      if (video.srcObject === stream) video.srcObject = null;
    };
  }, [video, wantedId]);

  return info;
}
