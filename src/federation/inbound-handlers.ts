// Registry of what to do with each inbound message type. Every type registers one zod schema per
// body version (the header's `sv`): a body reaches its handler only after that schema accepted it,
// so no handler ever sees — or casts — unchecked peer data. A body no schema accepts is refused
// FED_INVALID_BODY on arrival (inbox-verify.ts), which consumes its seq and dead-letters it instead
// of letting the handler throw half-way through.
//
// A handler runs INSIDE the inbox transaction that also marks the message applied and audits it, so
// the effect and the receipt never disagree. What happens when a handler throws is decided by
// inbound-failure.ts: a transient fault (database unreachable, serialization failure) aborts the
// whole batch for a retry; anything else refuses that one message (signed negative receipt, dead
// letter) and the channel moves on.
import type { z } from 'zod';
import type { ServiceContext } from '../services/context.js';
import type { Queryable } from '../storage/db.js';
import { bodyIssues, storableIssue, type BodyIssue } from './inbound-body-check.js';

export type InboundMessage<B = unknown> = {
  mid: string;
  /** Sender node id (authenticated by the message signature). */
  from: string;
  /** This node's id. */
  to: string;
  channel: string;
  seq: number;
  type: string;
  schema: number;
  /** The body as its type's schema for `schema` parsed it. */
  body: B;
  /** When the sender created (signed) the message. */
  createdAt: Date;
};

export type InboundHandler<B> = (ctx: ServiceContext, tx: Queryable, msg: InboundMessage<B>) => Promise<void>;

/** Optional bulk form for high-volume types: applies a run of consecutive messages of the type at once. */
export type InboundBatchHandler<B> = (
  ctx: ServiceContext,
  tx: Queryable,
  msgs: readonly InboundMessage<B>[],
) => Promise<void>;

export type InboundRegistration<B> = {
  /** One schema per body version this node understands; a message of any other version is refused FED_UNSUPPORTED_TYPE. */
  schemas: Readonly<Record<number, z.ZodType<B>>>;
  handler: InboundHandler<B>;
  many?: InboundBatchHandler<B>;
};

/** A body its schema accepted; only the registration that checked it can read it back (no casts). */
export type CheckedBody = { readonly type: string; readonly schema: number };

export type BodyCheck =
  | { ok: true; body: CheckedBody }
  | { ok: false; code: 'FED_INVALID_BODY' | 'FED_UNSUPPORTED_TYPE'; details: Record<string, unknown> };

/** The envelope facts of a message (everything but the body). */
export type InboundEnvelope = Omit<InboundMessage, 'body'>;

type Entry = {
  handler: unknown;
  check(schema: number, body: unknown): BodyCheck;
  /** Applies a run of messages of this type (one at a time, or at once through `many`). */
  apply(
    ctx: ServiceContext,
    tx: Queryable,
    run: readonly { envelope: InboundEnvelope; body: CheckedBody }[],
  ): Promise<void>;
  bulk: boolean;
};

const registry = new Map<string, Entry>();

export function registerInboundHandler<B>(type: string, reg: InboundRegistration<B>): void {
  const existing = registry.get(type);
  if (existing) {
    if (existing.handler !== reg.handler) throw new Error(`an inbound handler for ${type} is already registered`);
    return;
  }
  if (Object.keys(reg.schemas).length === 0) throw new Error(`inbound type ${type} registers no body schema`);
  const parsed = new WeakMap<CheckedBody, B>();
  const read = (checked: CheckedBody): B => {
    const body = parsed.get(checked);
    if (body === undefined) throw new Error(`body of ${checked.type} was not checked by its own schema`);
    return body;
  };
  registry.set(type, {
    handler: reg.handler,
    bulk: reg.many !== undefined,
    check(schema, body) {
      const zschema = Object.hasOwn(reg.schemas, schema) ? reg.schemas[schema] : undefined;
      if (!zschema)
        return {
          ok: false,
          code: 'FED_UNSUPPORTED_TYPE',
          details: { type, schema, supported: Object.keys(reg.schemas).map(Number) },
        };
      // Text PostgreSQL cannot store (NUL, lone surrogates) would fail the handler's insert half-way: refuse it here.
      const unstorable = storableIssue(body);
      if (unstorable) return { ok: false, code: 'FED_INVALID_BODY', details: { type, schema, issues: [unstorable] } };
      const result = zschema.safeParse(body);
      if (!result.success)
        return { ok: false, code: 'FED_INVALID_BODY', details: { type, schema, issues: bodyIssues(result.error) } };
      const checked: CheckedBody = { type, schema };
      parsed.set(checked, result.data);
      return { ok: true, body: checked };
    },
    async apply(ctx, tx, run) {
      const msgs = run.map((m) => ({ ...m.envelope, body: read(m.body) }));
      if (reg.many && msgs.length > 1) await reg.many(ctx, tx, msgs);
      else for (const m of msgs) await reg.handler(ctx, tx, m);
    },
  });
}

/** Checks a body against its type's schema for `schema`; an unregistered type is FED_UNSUPPORTED_TYPE. */
export function checkInboundBody(type: string, schema: number, body: unknown): BodyCheck {
  const entry = registry.get(type);
  if (!entry) return { ok: false, code: 'FED_UNSUPPORTED_TYPE', details: { type, schema } };
  return entry.check(schema, body);
}

/** Applies a run of checked messages of one type (the caller groups runs only for bulk types). */
export async function applyInbound(
  ctx: ServiceContext,
  tx: Queryable,
  type: string,
  run: readonly { envelope: InboundEnvelope; body: CheckedBody }[],
): Promise<void> {
  const entry = registry.get(type);
  if (!entry) throw new Error(`no inbound handler for ${type}`);
  await entry.apply(ctx, tx, run);
}

export function isBulkInboundType(type: string): boolean {
  return registry.get(type)?.bulk ?? false;
}

export function registeredInboundTypes(): string[] {
  return [...registry.keys()].sort();
}

export type { BodyIssue };
