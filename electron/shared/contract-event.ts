import { z } from 'zod';
import { id, none, ofEvent, op } from './contract-op';
import { deskName, deskScope } from './desk';
import { eventInput, setLogoInput, type EventSummary, type HadirEvent, type LogoMime } from './event';
import type { FileResult } from './file';

/**
 * The event's operations, a part of the contract (contract.ts merges it): every CLI command asks
 * event.get for the kiosk's event first, validated with these schemas alone (core/lazy-schemas.ts).
 * The event file's export and import stay in contract.ts.
 */
export const eventContract = {
  'event.get': op<HadirEvent | null>()(ofEvent),
  'event.create': op<HadirEvent>()(eventInput.extend({ desk: deskName.optional() }).strict()),
  'event.update': op<HadirEvent>()(eventInput.extend(deskScope.shape).strict()),
  'event.createDemo': op<HadirEvent>()(z.object({ desk: deskName.optional() }).strict().default({})),
  'event.list': op<EventSummary[]>()(none),
  'event.activate': op<HadirEvent>()(id),
  'event.archive': op<HadirEvent>()(z.object({ id: z.number().int().positive(), archived: z.boolean() }).strict()),
  'event.setLogo': op<HadirEvent>()(setLogoInput.extend(deskScope.shape).strict()),
  'event.logo': op<(FileResult & { mime: LogoMime }) | null>()(ofEvent),
};
