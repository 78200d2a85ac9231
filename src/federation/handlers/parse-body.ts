// Shape check shared by every inbound handler: a body that does not match its type's schema refuses
// that one message with FED_MALFORMED (receipted as rejected), never the whole batch.
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { InboundMessage } from '../inbound-handlers.js';

export function parseBody<T>(schema: z.ZodType<T>, msg: InboundMessage): T {
  const parsed = schema.safeParse(msg.body);
  if (!parsed.success) throw new AppError('FED_MALFORMED', { details: { type: msg.type, mid: msg.mid } });
  return parsed.data;
}
