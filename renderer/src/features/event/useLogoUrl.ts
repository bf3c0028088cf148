import { useEffect, useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useOp } from '../../hooks/useOp';

/**
 * The desk's event's logo as a blob: URL (the CSP allows blob: images), fetched only when the
 * event, its logo's size or `rev` (bumped after every logo change) differs: not on every event read.
 * The URL is revoked when it is replaced or the screen goes, so logos do not pile up in memory.
 */
export function useLogoUrl(event: HadirEvent | null | undefined, rev: number): string | null {
  const key = event?.logo ? `${event.id}:${event.logo.mime}:${event.logo.bytes}:${rev}` : null;
  // A failure simply shows no logo in the header.
  const eventId = event?.id;
  const logo = useOp(() => (key ? api('event.logo', { eventId }) : Promise.resolve(null)), [key]);
  const file = key && !logo.error ? (logo.data ?? null) : null;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setUrl(null);
    const made = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
