// Request shapes of the federation admin API (/api/federation/...).
import { z } from 'zod';
import { MAX_PINGS_PER_CALL } from '../../../services/federation/ping-peer.js';
import { ruleMessage } from '../../../domain/shared/bilingual.js';

const NODE_ID = ruleMessage('Enter a node id such as us-demo.', '请输入节点标识，例如 us-demo。');
const CARD_OR_URL = ruleMessage(
  'Give either the node’s address or its card, not both.',
  '请填写节点地址或粘贴其名片，二者选一。',
);

export const ZPeerIdParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, NODE_ID) });

const ZCardSource = {
  /** The card JSON as exported by the peer (`crossline keys show --card`). */
  card: z.record(z.string(), z.unknown()).optional(),
  /** The peer's base URL or card URL; the card is fetched from `{url}/federation/v1/card`. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
};

export const ZPreviewPeerSchema = z
  .object(ZCardSource)
  .refine((v) => (v.card === undefined) !== (v.url === undefined), {
    message: CARD_OR_URL,
  });

export const ZAddPeerSchema = z
  .object({
    ...ZCardSource,
    /** The fingerprint confirmed out of band (any case, dashes and spaces ignored). */
    fingerprint: z.string().min(16).max(200),
  })
  .refine((v) => (v.card === undefined) !== (v.url === undefined), { message: CARD_OR_URL });

export const ZPingSchema = z.object({ count: z.coerce.number().int().min(1).max(MAX_PINGS_PER_CALL).default(1) });

export const ZPingsQuerySchema = z.object({ from: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, NODE_ID) });

export const ZOutboxQuerySchema = z.object({
  peer: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, NODE_ID)
    .optional(),
  state: z.enum(['pending', 'sent', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZDeadLetterQuerySchema = z.object({
  /** `open` (default): not yet dealt with; `discarded`; or `all`. */
  state: z.enum(['open', 'discarded', 'all']).default('open'),
  peer: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, NODE_ID)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A dead letter is named by its message id (UUIDv7). */
export const ZDeadLetterParamsSchema = z.object({
  mid: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ruleMessage('Not a message id.', '不是有效的消息标识。'),
    ),
});
