import type { OpName } from '../shared/op-names';
import type { OpError } from '../shared/result';

/**
 * What the web host answers when a request body is over its cap, worded for the operation that
 * was asked: the same error the operation itself gives for a file too large, so a desk reads
 * "the logo is larger than 1 MB" for a logo, not "the import file is too large". Anything else
 * (a JSON body past 1 MB, a file sent to an operation that takes none) is request_too_large.
 */
export function tooLargeFor(op: OpName, bytes: number, max: number): OpError {
  const message = `The request (${bytes} bytes) is larger than the kiosk accepts (${max} bytes).`;
  switch (op) {
    case 'participants.importPreview':
    case 'participants.importCommit':
      return { code: 'import_too_large', message, params: { bytes, max } };
    case 'event.setLogo':
      return { code: 'logo_invalid', message, params: { bytes, max } };
    case 'event.importFile':
      return { code: 'event_file_invalid', message, params: { bytes, max } };
    default:
      return { code: 'request_too_large', message, params: { bytes, max } };
  }
}
