// What an inbound handler's failure means for the message. Transient faults — the database out of
// reach, a serialization failure or deadlock, an optimistic-lock loss — say nothing about the
// message: the whole batch is rolled back and the sender retries it. Everything else is permanent
// for this message (a domain refusal, or a bug that would fail the same way on every retry): the
// message is refused with a code, dead-lettered, and its channel moves on instead of retrying until
// the message expires and blocking every later message of the channel meanwhile.
import { isAppError } from '../errors.js';
import { isDatabaseUnavailable } from '../storage/db.js';
import { storableText } from './inbound-body-check.js';

export type HandlerFailure = { transient: true } | { transient: false; code: string; details: Record<string, unknown> };

/** Codes of errors that mean "not now": the database is restarting, or a concurrent change won a race. */
const TRANSIENT_CODES = new Set(['SERVICE_UNAVAILABLE', 'FED_UNAVAILABLE', 'CONFLICT']);

// SQLSTATEs of a statement that may well succeed when run again: serialization failure, deadlock,
// lock not available, query cancelled (statement timeout, admin cancel), insufficient resources (53),
// system errors such as I/O faults (58).
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014']);
const TRANSIENT_SQLSTATE_CLASSES = ['53', '58'];

function sqlState(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function isTransientFailure(e: unknown): boolean {
  if (isAppError(e)) return TRANSIENT_CODES.has(e.code);
  if (isDatabaseUnavailable(e)) return true;
  const state = sqlState(e);
  return state !== null && (TRANSIENT_SQLSTATES.has(state) || TRANSIENT_SQLSTATE_CLASSES.includes(state.slice(0, 2)));
}

export function classifyHandlerFailure(e: unknown): HandlerFailure {
  if (isTransientFailure(e)) return { transient: true };
  if (isAppError(e)) {
    return {
      transient: false,
      code: e.code,
      details: {
        message: e.bilingual,
        ...(e.details ? { details: e.details } : {}),
        ...(e.issues ? { issues: e.issues.slice(0, 20) } : {}),
      },
    };
  }
  // A bug (TypeError, a constraint the handler should have checked …): the same message would fail
  // the same way on every retry. The receipt names no internals; the dead letter keeps a short note.
  const err = e instanceof Error ? e : new Error(String(e));
  const state = sqlState(e);
  return {
    transient: false,
    code: 'FED_HANDLER_FAILED',
    details: {
      error: storableText(err.name, 64),
      reason: storableText(err.message, 300),
      ...(state ? { sqlstate: state } : {}),
    },
  };
}
