import type { OpName } from '../shared/op-names';
import type { Handler, HandlerMap } from './handler';

/**
 * An operation's handler, loading only the domain module that holds it (issue 21 item 5).
 *
 * handlers.ts merges every domain's map, and importing it loads every domain: PDF drawing, the
 * import's parsers, exceljs and fontkit on first use, ~1,000 modules' worth of evaluation. A
 * check-in from a script or a scanner hook (`hadir checkin`) needs the check-in domain alone, and
 * paid ~0.2 s for the rest before it started. Here each operation's name prefix names the domain
 * modules that may hold it, tried in order; an operation found in none of them (a new one in an
 * unexpected module) falls back to the merged map, so every operation still reaches its handler,
 * and handlers.ts stays the compile-time proof that each has one.
 */
type Loader = () => Promise<Partial<HandlerMap<OpName>>>;

const system: Loader = () => import('./system/handlers').then((m) => m.systemHandlers);
const DOMAINS: Record<string, Loader[]> = {
  app: [system],
  settings: [system],
  print: [system],
  system: [() => import('./system/doctor-handlers').then((m) => m.doctorHandlers)],
  event: [() => import('./event/handlers').then((m) => m.eventHandlers), () => import('./event/transfer-handlers').then((m) => m.transferHandlers)],
  participants: [() => import('./participants/handlers').then((m) => m.participantHandlers)],
  roles: [() => import('./participants/handlers').then((m) => m.participantHandlers)],
  jobs: [() => import('./jobs/handlers').then((m) => m.jobHandlers)],
  badges: [() => import('./badges/handlers').then((m) => m.badgeHandlers)],
  backup: [() => import('./system/backup-handlers').then((m) => m.backupHandlers)],
  reports: [
    () => import('./reports/handlers').then((m) => m.reportHandlers),
    () => import('./reports/reconciliation-handlers').then((m) => m.reconciliationHandlers),
    () => import('./payments/handlers').then((m) => m.paymentHandlers),
  ],
  checkin: [() => import('./checkin/handlers').then((m) => m.checkinHandlers)],
  certificates: [
    () => import('./certificates/handlers').then((m) => m.certificateHandlers),
    () => import('./certificates/statement').then((m) => m.statementHandlers),
  ],
  payments: [() => import('./payments/handlers').then((m) => m.paymentHandlers)],
  hub: [() => import('./system/hub-control').then((m) => m.hubHandlers)],
};

const found = new Map<OpName, Handler<OpName>>();

/** Where an operation's handler was found: its domain, or the merged map (see above). */
export async function lookUpHandler<K extends OpName>(name: K): Promise<{ handler: Handler<K>; from: 'domain' | 'all' }> {
  for (const load of DOMAINS[name.slice(0, name.indexOf('.'))] ?? []) {
    const h = (await load())[name];
    if (h) return { handler: h as Handler<K>, from: 'domain' };
  }
  const { handlers } = await import('./handlers');
  return { handler: handlers[name], from: 'all' };
}

export async function handlerOf<K extends OpName>(name: K): Promise<Handler<K>> {
  let h = found.get(name);
  if (!h) found.set(name, (h = (await lookUpHandler(name)).handler as Handler<OpName>));
  return h as Handler<K>;
}
