import type { ListResult } from '../../../../electron/shared/contract';
import { api } from '../../api';
import { useOp } from '../../hooks/useOp';

export interface Filters {
  query: string;
  regency: string;
  role: string;
  /** Attendance, or 'deleted': the participants deleted from the list, to restore them. */
  status: 'all' | 'present' | 'absent' | 'deleted';
  day: number | null;
}

/**
 * The list for the current filters. Every keystroke asks again (the query is ~1 ms in SQLite);
 * useOp drops a reply that arrives after a newer request was sent, so fast typing never shows
 * an older result.
 */
export function useParticipants(eventId: number, f: Filters, limit: number, version: number) {
  const { data, error } = useOp<ListResult>(
    () =>
      api('participants.list', {
        eventId,
        query: f.query,
        regency: f.regency || null,
        role: f.role || null,
        status: f.status === 'deleted' ? 'all' : f.status,
        onlyDeleted: f.status === 'deleted',
        day: f.status === 'deleted' ? null : f.day,
        limit,
      }),
    [eventId, f.query, f.regency, f.role, f.status, f.day, limit, version],
  );
  return { data: data ?? null, error };
}
