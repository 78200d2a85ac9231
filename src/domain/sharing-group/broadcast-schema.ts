// The shape of a hotline broadcast (docs/federation.md §19): one emergency alert placed as one normal
// call per recipient, the recipients chosen as sharing groups, parties, or every active peer.
import { z } from 'zod';
import { ZPlaceCallSchema } from '../call/schemas.js';
import { ruleMessage } from '../shared/bilingual.js';

export const ZPlaceBroadcastSchema = ZPlaceCallSchema.omit({ toParty: true })
  .extend({
    groups: z.array(z.string().trim().min(1).max(128)).max(20).default([]),
    parties: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    allPeers: z.boolean().default(false),
  })
  .refine((b) => b.allPeers || b.groups.length + b.parties.length > 0, {
    message: ruleMessage('Choose a sharing group, parties, or all peers.', '请选择共享分组、参与方或全部对等节点。'),
    path: ['groups'],
  });
export type TPlaceBroadcast = z.infer<typeof ZPlaceBroadcastSchema>;
