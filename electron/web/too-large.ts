import { MAX_BACKGROUND_BYTES, MAX_SIGNATURE_BYTES } from '../core/certificates/assets';
import type { OpName } from '../shared/op-names';
import type { OpError } from '../shared/result';

/**
 * What the web host answers when a request body is over its cap, worded for the operation that
 * was asked: the same error the operation itself gives for a file too large, so a desk reads
 * "the logo is larger than 1 MB" for a logo, not "the import file is too large". Anything else
 * (a JSON body past 1 MB, a file sent to an operation that takes none) is request_too_large.
 * `input` is the rest of the message (the x-hadir-input header, parsed, or undefined): the job a
 * `jobs.start` runs (the import screen commits through one) and the kind of a certificate file.
 */
export function tooLargeFor(op: OpName, bytes: number, max: number, input?: unknown): OpError {
  const message = `The request (${bytes} bytes) is larger than the kiosk accepts (${max} bytes).`;
  const field = (name: string) =>
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
  switch (op) {
    case 'participants.importPreview':
    case 'participants.importCommit':
      return { code: 'import_too_large', message, params: { bytes, max } };
    case 'jobs.start':
      if (field('job') === 'participants.import') return { code: 'import_too_large', message, params: { bytes, max } };
      break;
    case 'event.setLogo':
      return { code: 'logo_invalid', message, params: { bytes, max } };
    case 'event.importFile':
      return { code: 'event_file_invalid', message, params: { bytes, max } };
    case 'certificates.setAsset': {
      // The operation's own refusal (certificates/assets.ts), which the screen words by maxMb.
      const limit = field('kind') === 'background' ? MAX_BACKGROUND_BYTES : MAX_SIGNATURE_BYTES;
      return { code: 'asset_invalid', message, params: { maxMb: limit / 1024 / 1024 } };
    }
  }
  return { code: 'request_too_large', message, params: { bytes, max } };
}
