import { useEffect, useState } from 'react';

type VideoWithFrames = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };

/**
 * Frames per second the camera really delivers to the page (a dim room or a USB 2 port can give
 * 5 where 30 were asked), counted with requestVideoFrameCallback over each second. null until
 * the first second has passed, or where the browser cannot count.
 */
export function useFps(video: HTMLVideoElement | null, live: boolean): number | null {
  const [fps, setFps] = useState<number | null>(null);
  useEffect(() => {
    const v = video as VideoWithFrames | null;
    if (!v || !live || !v.requestVideoFrameCallback) return;
    let frames = 0;
    let stopped = false;
    const count = () => {
      if (stopped) return;
      frames++;
      v.requestVideoFrameCallback!(count);
    };
    v.requestVideoFrameCallback(count);
    let since = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      setFps(Math.round((frames * 1000) / (now - since)));
      frames = 0;
      since = now;
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [video, live]);
  return fps;
}
