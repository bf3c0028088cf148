import type { Page } from '@playwright/test';

/**
 * What is wrong with the hub screen's layout at the page's current size: anything drawn past the
 * right edge of its card (the desk table and the PIN or certificate buttons did on a phone), and
 * a desk address broken inside its key (it did on a laptop: the key is what staff read out).
 * Empty when all is well.
 */
export const hubLayoutFaults = (page: Page) =>
  page.evaluate(() => {
    const faults: string[] = [];
    for (const card of document.querySelectorAll('.hub .card')) {
      const edge = card.getBoundingClientRect().right;
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        // Visually hidden (a phone's table headings, kept for screen readers): drawn nowhere.
        const hidden = el.closest('thead, .sr-only');
        if (hidden && hidden.getBoundingClientRect().width <= 1) continue;
        if (r.width > 0 && r.right > edge + 0.5) faults.push(`past its card: <${el.tagName.toLowerCase()}> ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    for (const code of document.querySelectorAll('[data-testid="hub-url"]')) {
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('#key=');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, node.textContent!.length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) faults.push(`address broken inside its key: ${code.textContent}`);
      }
    }
    return faults;
  });
