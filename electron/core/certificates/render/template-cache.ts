import crypto from 'node:crypto';
import { buildTemplatePages, type TemplatePages } from './template-page';
import type { RenderInput } from './types';

/**
 * Built template pages, kept for the next render with the same design: an organiser scanning
 * badges at the closing session asks for one certificate after another, and rebuilding the
 * design (fonts, background, wording) each time would cost most of the second the issue allows.
 * Keyed by a hash of everything the template draws, so an edit in the editor builds a new one.
 */
const cache = new Map<string, Promise<TemplatePages>>();
const MAX = 4;
const digests = new WeakMap<Uint8Array, string>();

function digest(bytes: Uint8Array | null | undefined): string {
  if (!bytes) return '-';
  let d = digests.get(bytes);
  if (!d) digests.set(bytes, (d = crypto.createHash('sha256').update(bytes).digest('base64')));
  return d;
}

export function templateKey(input: RenderInput, roles: string[]): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify([input.template, input.event, roles]));
  for (const b of [
    input.fonts.regular,
    input.fonts.bold,
    input.fonts.italic,
    input.background?.bytes,
    input.logo?.bytes,
    input.signature?.bytes,
    input.signature2?.bytes,
  ]) {
    h.update(digest(b));
  }
  return h.digest('base64');
}

export function templatePages(input: RenderInput, roles: string[]): Promise<TemplatePages> {
  const key = templateKey(input, roles);
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  hit = buildTemplatePages(input, roles);
  hit.catch(() => cache.delete(key));
  cache.set(key, hit);
  while (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return hit;
}
