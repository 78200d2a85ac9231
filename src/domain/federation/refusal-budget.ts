// The inbox's refusal budget per client (docs/federation.md §5): `perMinute` refusals, refilled
// evenly over a minute. Spending happens after the work (a batch's refusals are known only once it
// was opened and checked), so one batch may overdraw the budget; the debt is capped at one minute's
// worth so a client is never shut out for more than about two minutes. Pure: the caller keeps the
// state and passes the time.
export type RefusalBudgetPolicy = { perMinute: number };
export type RefusalBudgetState = { tokens: number; at: number };

const perMs = (p: RefusalBudgetPolicy) => p.perMinute / 60_000;

function refill(state: RefusalBudgetState | undefined, policy: RefusalBudgetPolicy, nowMs: number): number {
  if (!state) return policy.perMinute;
  return Math.min(policy.perMinute, state.tokens + Math.max(0, nowMs - state.at) * perMs(policy));
}

/** Milliseconds until the client may be served again (0: now); it may while at least one refusal is left. */
export function refusalBlockMs(
  state: RefusalBudgetState | undefined,
  policy: RefusalBudgetPolicy,
  nowMs: number,
): number {
  const tokens = refill(state, policy, nowMs);
  return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perMs(policy));
}

/** Takes `count` refusals from the budget; returns the new state and how long the client is now blocked. */
export function spendRefusals(
  state: RefusalBudgetState | undefined,
  policy: RefusalBudgetPolicy,
  count: number,
  nowMs: number,
): { state: RefusalBudgetState; blockMs: number } {
  const tokens = Math.max(-policy.perMinute, refill(state, policy, nowMs) - count);
  const next = { tokens, at: nowMs };
  return { state: next, blockMs: refusalBlockMs(next, policy, nowMs) };
}
