import type { ErrorCode, OpError } from './result';

/** A failure we expected and can explain to the organiser; anything else is 'internal'. */
export class HadirError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: OpError['issues'],
  ) {
    super(message);
    this.name = 'HadirError';
  }

  toJSON(): OpError {
    return { code: this.code, message: this.message, params: this.params, issues: this.issues };
  }
}
