// A print batch's result naming who has characters the fonts cannot draw (issue 18). Spread into en.ts.
import type { batchUndrawnId } from './batch-undrawn.id';

export const batchUndrawnEn: Record<keyof typeof batchUndrawnId, string> = {
  'batch.undrawn.title': 'Check the paper of these people',
  'batch.undrawn.lead':
    "The file was made for everyone, but {count} name(s) have characters Hadir's fonts do not have; those characters print as empty boxes:",
};
