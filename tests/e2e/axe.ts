import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { expect } from './fixtures';

/**
 * Rules axe rates moderate or minor that the kiosk once broke (issue 9: no h1 on list screens,
 * heading levels skipped on the event screen, an empty table header, role=dialog on a <form>):
 * held to the same bar, so they do not come back.
 */
const ALSO = ['page-has-heading-one', 'heading-order', 'empty-table-header', 'aria-allowed-role'];

/**
 * Runs axe-core on what the page shows now and fails on serious and critical findings (and the
 * rules above), listing each rule with the elements it found. Call it on every screen and state
 * a screen can be in (a dialog open, a report shown): tests/e2e/a11y.spec.ts walks them all; a new
 * screen adds one entry there, or calls this from its own spec.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await accessibilityFindings(page), `axe-core on ${what}`).toEqual([]);
}

/** What fails the page now (blockingFindings), from axe.run in the page. */
export async function accessibilityFindings(page: Page): Promise<string[]> {
  // axe.run in the page itself. The default (runPartial in each frame, then finishRun in a blank
  // page the builder opens, the partial results of every node serialised across to it) cost
  // twice the CPU for the same findings: 6 s against 3 s per check of the 66-row list (load 11),
  // ~50 checks per e2e run. What it adds is cross-origin frames, which the kiosk's CSP
  // (default-src 'self') cannot have; same-origin frames are still checked.
  // tests/e2e/axe-mode.spec.ts holds both modes to the same findings.
  return blockingFindings((await axeBuilder(page).setLegacyMode().analyze()).violations);
}

/** The findings that fail a screen, one line each: serious and critical ones, and the rules above. */
export function blockingFindings(violations: AxeResults['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALSO.includes(v.id))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe-core over the WCAG 2.1 A/AA rules and best practices, reading violations only. */
export function axeBuilder(page: Page): AxeBuilder {
  return (
    new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      // Only violations are read: axe then skips collecting every passing node's details, which
      // was about half its time on the 66-row list (measured 9 s against 24 s, same load).
      .options({ resultTypes: ['violations'] })
  );
}
