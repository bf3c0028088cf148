import { parseBadgeText } from '../../../../electron/shared/badge-payload';

/** A badge held in front of the camera is seen ten times a second; it must count once. */
export const REPEAT_WINDOW_MS = 3000;

/** What counts as "the same code": the badge code however it was read, else the text itself. */
export function repeatKey(text: string): string {
  const t = parseBadgeText(text);
  return t.kind === 'not_a_badge' ? `raw:${text.trim()}` : `code:${t.code}`;
}

/**
 * Ignores a code seen again within the window. The window slides: every sighting, ignored ones
 * included, restarts it, so a badge left in view for a minute still counts once, and the same
 * badge shown again after a pause of more than 3 seconds counts again (and is amber).
 */
export class RepeatFilter {
  private seen = new Map<string, number>();

  constructor(private readonly windowMs = REPEAT_WINDOW_MS) {}

  accept(text: string, now: number): boolean {
    const key = repeatKey(text);
    const last = this.seen.get(key);
    this.seen.set(key, now);
    if (this.seen.size > 200) {
      for (const [k, t] of this.seen) if (now - t > this.windowMs) this.seen.delete(k);
    }
    return last === undefined || now - last > this.windowMs;
  }
}
