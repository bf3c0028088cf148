import { certSettingsInput, type CertSettings } from '../../shared/certificates';
import { defaultSettings } from '../../shared/cert-template-defaults';
import { getConfig, saveConfig } from '../../db/repositories/certificates';
import type { Db } from '../../db/connection';
import { normaliseNumber } from '../../shared/cert-number';

/**
 * The event's certificate settings, or the defaults until the organiser saves some. A stored
 * value that no longer parses (written by another version) falls back field by field to the
 * default rather than blocking the closing session.
 */
export function loadSettings(db: Db, eventId: number): CertSettings {
  const row = getConfig(db, eventId);
  const d = defaultSettings();
  if (!row) return d;
  const parsed = certSettingsInput.safeParse({
    rule: safeJson(row.rule),
    pattern: row.pattern,
    template: safeJson(row.template),
  });
  if (parsed.success) return parsed.data;
  const rule = certSettingsInput.shape.rule.safeParse(safeJson(row.rule));
  // A pattern saved before spaces were checked ("001/PSM  {seq:03}") keeps numbering as its QR
  // always read it, with single spaces, rather than falling back to the default pattern.
  const pattern = certSettingsInput.shape.pattern.safeParse(row.pattern);
  const spaced = pattern.success ? pattern : certSettingsInput.shape.pattern.safeParse(normaliseNumber(row.pattern));
  const template = certSettingsInput.shape.template.safeParse(safeJson(row.template));
  return {
    rule: rule.success ? rule.data : d.rule,
    pattern: spaced.success ? spaced.data : d.pattern,
    template: template.success ? template.data : d.template,
  };
}

export function storeSettings(db: Db, eventId: number, s: CertSettings, at: string): void {
  saveConfig(db, eventId, { rule: JSON.stringify(s.rule), pattern: s.pattern, template: JSON.stringify(s.template) }, at);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
