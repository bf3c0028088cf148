import { useEffect, useState } from 'react';
import { inElectron } from '../../api';
import { deskRevoked, deskSession, onDeskSession, type DeskSession } from '../../desk-session';

export interface DeskRoleView {
  /** The session with the hub; null in Electron, on a host that is no hub, or before joining. */
  session: DeskSession | null;
  /** A desk on the venue network with a token (the hub laptop itself and Electron have none). */
  remote: boolean;
  /** A check-in-only desk: the organiser's screens are hidden (the hub refuses them anyway). */
  checkinOnly: boolean;
  revoked: boolean;
}

const view = (): DeskRoleView => {
  const session = inElectron() ? null : deskSession();
  return {
    session,
    remote: !!session?.token,
    checkinOnly: session?.role === 'checkin',
    revoked: !inElectron() && deskRevoked(),
  };
};

/** This desk's role at the hub (issue 19, item 7), updated when it joins, renames, enters the PIN or is revoked. */
export function useDeskRole(): DeskRoleView {
  const [v, setV] = useState(view);
  useEffect(() => onDeskSession(() => setV(view())), []);
  return v;
}
