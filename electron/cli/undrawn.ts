import type { UndrawnName } from '../shared/visible-text';

/**
 * The batch's people whose names have characters the fonts cannot draw, one per line on stderr
 * after the "Wrote …" line: the file was written, and these are the pages to check.
 */
export function warnUndrawn(list: UndrawnName[]): void {
  if (!list.length) return;
  console.error(`Warning: ${list.length} name(s) have characters the fonts cannot draw; they print as empty boxes:`);
  for (const p of list) {
    const chars = p.missing.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    console.error(`  ${p.name} (${chars})`);
  }
}
