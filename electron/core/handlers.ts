import type { OpName } from '../shared/op-names';
import type { HandlerMap } from './handler';
import { badgeHandlers } from './badges/handlers';
import { checkinHandlers } from './checkin/handlers';
import { certificateHandlers } from './certificates/handlers';
import { eventHandlers } from './event/handlers';
import { participantHandlers } from './participants/handlers';
import { reportHandlers } from './reports/handlers';
import { reconciliationHandlers } from './reports/reconciliation-handlers';
import { transferHandlers } from './event/transfer-handlers';
import { backupHandlers } from './system/backup-handlers';
import { systemHandlers } from './system/handlers';
import { doctorHandlers } from './system/doctor-handlers';
import { jobHandlers } from './jobs/handlers';
import { paymentHandlers } from './payments/handlers';
import { statementHandlers } from './certificates/statement';
import { hubHandlers } from './system/hub-control';

/** Each domain's map merged into one; the type fails to compile if an operation has no handler. */
export const handlers: HandlerMap<OpName> = {
  ...systemHandlers,
  ...doctorHandlers,
  ...eventHandlers,
  ...participantHandlers,
  ...jobHandlers,
  ...badgeHandlers,
  ...backupHandlers,
  ...reportHandlers,
  ...reconciliationHandlers,
  ...transferHandlers,
  ...checkinHandlers,
  ...certificateHandlers,
  ...paymentHandlers,
  ...statementHandlers,
  ...hubHandlers,
};
