import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTag } from '../../electron/core/qr/event-tag';
import { badgePayload, parseBadgeText } from '../../electron/shared/badge-payload';

describe('badge payload', () => {
  const tag = eventTag(crypto.randomBytes(32));

  // "Fits QR version 1 at level M in one alphanumeric segment" is proven in badge-text.test.ts on
  // the printed matrix, for every digit run: 200 random codes here met a 7-digit run about once in
  // 15 runs, and then asked the package's automatic segmentation, which badges never use.

  it('reads back what it printed, and what a scanner or a person types', () => {
    const text = badgePayload(tag, 'K7Q2M9XA');
    expect(parseBadgeText(text)).toEqual({ kind: 'badge', eventTag: tag, code: 'K7Q2M9XA' });
    expect(parseBadgeText(`${text}\r\n`)).toEqual({ kind: 'badge', eventTag: tag, code: 'K7Q2M9XA' });
    expect(parseBadgeText(text.toLowerCase())).toEqual({ kind: 'badge', eventTag: tag, code: 'K7Q2M9XA' });
    expect(parseBadgeText(' k7q2-m9xa ')).toEqual({ kind: 'code', code: 'K7Q2M9XA' });
    expect(parseBadgeText('K7Q2M9XO')).toEqual({ kind: 'code', code: 'K7Q2M9X0' });
  });

  it('tells other QR codes apart: payment stickers, URLs, phone numbers, huge text', () => {
    for (const t of ['00020101021126570011ID.DANA.WWW', 'https://example.com/x', '081234567890', '', 'HD', 'X'.repeat(10_000)]) {
      expect(parseBadgeText(t)).toEqual({ kind: 'not_a_badge' });
    }
  });

  it('derives a stable, secret-dependent tag', () => {
    const secret = crypto.randomBytes(32);
    expect(eventTag(secret)).toBe(eventTag(Buffer.from(secret)));
    expect(eventTag(secret)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    const tags = new Set(Array.from({ length: 50 }, () => eventTag(crypto.randomBytes(32))));
    expect(tags.size).toBeGreaterThan(45);
  });
});
