import { useState } from 'react';
import type { JobStatus } from '../../../electron/shared/jobs';
import { useI18n, type MsgKey } from '../i18n';

/**
 * A running job's progress bar with its step and a cancel button (for useJob().status). A phase
 * the host has not sized yet (total 0) shows a moving bar without a percentage. Screens that run
 * jobs (import, badges, certificates) all show this one.
 */
export function JobProgress({
  status,
  label,
  onCancel,
}: {
  status: JobStatus | null;
  /** What the job does, e.g. "Importing peserta.xlsx". */
  label: string;
  onCancel?: () => void | Promise<void>;
}) {
  const { t, lang } = useI18n();
  const num = (n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  const [cancelling, setCancelling] = useState(false);
  if (!status || status.finishedAt) return null;
  const sized = status.total > 0;
  const pct = sized ? Math.min(100, Math.floor((status.done / status.total) * 100)) : null;
  const phase = status.state === 'queued' ? t('job.queued') : phaseText(t, status.phase);
  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="job-progress-head">
        <strong>{label}</strong>
        <span className="muted" data-testid="job-phase">
          {phase}
          {sized && ` · ${t('job.count', { done: num(status.done), total: num(status.total) })}`}
        </span>
      </div>
      <div
        className={`job-bar${sized ? '' : ' job-bar-unsized'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? phase : `${pct}%`}
      >
        <div className="job-bar-fill" style={sized ? { width: `${pct}%` } : undefined} />
      </div>
      {onCancel && (
        <button
          type="button"
          className="btn"
          disabled={cancelling}
          onClick={async () => {
            setCancelling(true);
            try {
              await onCancel();
            } finally {
              setCancelling(false);
            }
          }}
        >
          {cancelling ? t('job.cancelling') : t('job.cancel')}
        </button>
      )}
    </div>
  );
}

const PHASES = ['read', 'check', 'write', 'render'] as const;

function phaseText(t: (k: MsgKey) => string, phase: string | null): string {
  return phase && (PHASES as readonly string[]).includes(phase) ? t(`job.phase.${phase}` as MsgKey) : t('job.working');
}
