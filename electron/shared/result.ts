// The envelope every operation returns, on every transport (IPC, HTTP, CLI).
// Errors carry a stable code plus params so each UI can word them in its own language;
// `message` is the English fallback.
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'no_event',
  'desk_event',
  'conflict',
  'db_newer',
  'import_too_large',
  'import_unreadable',
  'import_invalid',
  'logo_invalid',
  'not_event_day',
  'asset_invalid',
  'not_eligible',
  'revoked',
  'forbidden',
  'access_key',
  'host_unreachable',
  'db_damaged',
  'backup_failed',
  'backup_invalid',
  'event_file_invalid',
  'print_failed',
  'request_too_large',
  'db_busy',
  'disk_full',
  'db_readonly',
  'disk_io',
  'data_dir_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface OpError {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  /** Field-level problems, e.g. from zod: path -> message. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };
