import { useEffect, useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';

/**
 * The active event's logo as a data: URL (the CSP allows data: images), fetched only when the
 * event, its logo's size or `rev` (bumped after every logo change) differs: not on every event read.
 */
export function useLogoUrl(event: HadirEvent | null | undefined, rev: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const key = event?.logo ? `${event.id}:${event.logo.mime}:${event.logo.bytes}:${rev}` : null;
  useEffect(() => {
    if (!key) return setUrl(null);
    let live = true;
    api('event.logo', {})
      .then((logo) => live && setUrl(logo ? `data:${logo.mime};base64,${logo.dataBase64}` : null))
      .catch(() => live && setUrl(null)); // the header simply shows no logo
    return () => {
      live = false;
    };
  }, [key]);
  return url;
}
