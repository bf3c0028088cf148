import { useEffect, useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';

/**
 * The active event's logo as a blob: URL (the CSP allows blob: images), fetched only when the
 * event, its logo's size or `rev` (bumped after every logo change) differs: not on every event read.
 * The URL is revoked when it is replaced or the screen goes, so logos do not pile up in memory.
 */
export function useLogoUrl(event: HadirEvent | null | undefined, rev: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const key = event?.logo ? `${event.id}:${event.logo.mime}:${event.logo.bytes}:${rev}` : null;
  useEffect(() => {
    if (!key) return setUrl(null);
    let live = true;
    let made: string | null = null;
    api('event.logo', {})
      .then((logo) => {
        if (!live) return;
        made = logo ? URL.createObjectURL(new Blob([logo.bytes as Uint8Array<ArrayBuffer>], { type: logo.mime })) : null;
        setUrl(made);
      })
      .catch(() => live && setUrl(null)); // the header simply shows no logo
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [key]);
  return url;
}
