// Registry of what to do with each inbound message type. A handler runs INSIDE the inbox transaction
// that also marks the message applied and audits it, so the effect and the receipt never disagree.
// A handler that throws AppError refuses that one message (recorded and receipted as 'rejected' with
// the code) and the channel moves on: a permanently refused message must not block all later ones.
// Any other error aborts the whole batch, which the sender retries later (a transient fault or a bug).
import type { ServiceContext } from '../services/context.js';
import type { Queryable } from '../storage/db.js';

export type InboundMessage = {
  mid: string;
  /** Sender node id (authenticated by the message signature). */
  from: string;
  /** This node's id. */
  to: string;
  channel: string;
  seq: number;
  type: string;
  schema: number;
  body: unknown;
  /** When the sender created (signed) the message. */
  createdAt: Date;
};

export type InboundHandler = (ctx: ServiceContext, tx: Queryable, msg: InboundMessage) => Promise<void>;

/** Optional bulk form for high-volume types: applies a run of consecutive messages of the type at once. */
export type InboundBatchHandler = (ctx: ServiceContext, tx: Queryable, msgs: readonly InboundMessage[]) => Promise<void>;

export type HandlerEntry = { handler: InboundHandler; many?: InboundBatchHandler };

const registry = new Map<string, HandlerEntry>();

export function registerInboundHandler(type: string, handler: InboundHandler, options: { many?: InboundBatchHandler } = {}): void {
  const existing = registry.get(type);
  if (existing && existing.handler !== handler) throw new Error(`an inbound handler for ${type} is already registered`);
  registry.set(type, { handler, many: options.many });
}

export function inboundHandlerFor(type: string): HandlerEntry | undefined {
  return registry.get(type);
}

export function registeredInboundTypes(): string[] {
  return [...registry.keys()].sort();
}
