// Use cases: list the dead letters (inbound messages refused for their content) and show one.
import { AppError } from '../../errors.js';
import {
  findDeadLetter,
  listDeadLetters as listRows,
  readDeadLetterMessage,
  type DeadLetterState,
} from '../../storage/repositories/federation-dead-letter.repository.js';
import type { ServiceContext } from '../context.js';
import { presentDeadLetter, signedHeaderOf, type DeadLetterView } from './present-dead-letter.js';

export type DeadLetterFilter = { state?: DeadLetterState | 'all'; peer?: string; limit: number };

/** Open ones unless `state` says otherwise, newest first. */
export async function listDeadLetters(ctx: ServiceContext, f: DeadLetterFilter): Promise<DeadLetterView[]> {
  const state = f.state === 'all' ? undefined : (f.state ?? 'open');
  return (await listRows(ctx.db, { state, peerId: f.peer, limit: f.limit })).map(presentDeadLetter);
}

export async function getDeadLetter(
  ctx: ServiceContext,
  mid: string,
): Promise<DeadLetterView & { header: Record<string, unknown> | null }> {
  const found = await findDeadLetter(ctx.db, mid);
  if (!found) throw new AppError('FED_DEAD_LETTER_NOT_FOUND', { details: { mid } });
  const message = await readDeadLetterMessage(ctx.db, mid);
  return { ...presentDeadLetter(found), header: message ? signedHeaderOf(message) : null };
}
