import type { OpName } from '../shared/op-names';
import type { OpOutput, OpParsed } from '../shared/contract';
import type { Ctx } from './context';

/** One operation's implementation: parsed input in, result out. Transports never call these directly. */
export type Handler<K extends OpName> = (ctx: Ctx, input: OpParsed<K>) => OpOutput<K> | Promise<OpOutput<K>>;
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> };
