import { useCallback, useRef, useState } from 'react';
import type { BadgeFile, BadgesRenderInput } from '../../../../electron/shared/badges';
import type { JobStatus } from '../../../../electron/shared/jobs';
import { api } from '../../api';

/**
 * A whole batch of tags as a job (jobs.start): the PDF is rendered in a worker thread, the bar
 * follows jobs.status, and Cancel stops the thread. The screen stays responsive throughout.
 */
export function useBatch() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const cancelled = useRef(false);

  const run = useCallback(async (input: BadgesRenderInput): Promise<BadgeFile | null> => {
    cancelled.current = false;
    let s = await api('jobs.start', { job: 'badges.render', input });
    setStatus(s);
    while (s.state === 'queued' || s.state === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      s = await api('jobs.status', { id: s.id });
      setStatus(s);
    }
    setStatus(null);
    if (s.state === 'cancelled' || cancelled.current) return null;
    if (s.state === 'failed') throw Object.assign(new Error(s.error?.message ?? 'failed'), { error: s.error });
    return (await api('jobs.result', { id: s.id })) as BadgeFile;
  }, []);

  const cancel = useCallback(async () => {
    cancelled.current = true;
    if (status) await api('jobs.cancel', { id: status.id }).catch(() => undefined);
  }, [status]);

  return { status, run, cancel };
}
