import { paymentConfig, type PaymentConfig, type PaymentSettings } from '../../shared/payments';
import { getPaymentConfig, listRates, personalRates } from '../../db/repositories/payments';
import type { Db } from '../../db/connection';

/** The event's paperwork settings, or the defaults until saved; a stored value that no longer parses falls back to them. */
export function loadPaymentConfig(db: Db, eventId: number): PaymentConfig {
  const raw = getPaymentConfig(db, eventId);
  if (raw) {
    try {
      const parsed = paymentConfig.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the defaults
    }
  }
  return paymentConfig.parse({});
}

export function loadPaymentSettings(db: Db, eventId: number): PaymentSettings {
  return { rates: listRates(db, eventId), config: loadPaymentConfig(db, eventId), personalRates: personalRates(db, eventId) };
}
