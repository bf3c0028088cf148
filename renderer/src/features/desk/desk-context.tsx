import { createContext, useContext, type ReactNode } from 'react';
import type { DeskScope } from '../../../../electron/shared/desk';

/**
 * This desk's event and name, as every recording operation must send them (shared/desk.ts).
 * Each desk holds its own (the Electron window, each browser tab): switching the event here
 * moves no other desk. App.tsx provides it once an event is open.
 */
const DeskContext = createContext<DeskScope | null>(null);

export function DeskProvider({ scope, children }: { scope: DeskScope; children: ReactNode }) {
  return <DeskContext.Provider value={scope}>{children}</DeskContext.Provider>;
}

/** `{ eventId, desk }` of this desk: spread it into a recording operation's input; reads take `eventId`. */
export function useDesk(): DeskScope {
  const scope = useContext(DeskContext);
  if (!scope) throw new Error('useDesk outside DeskProvider: screens that record need an open event');
  return scope;
}
