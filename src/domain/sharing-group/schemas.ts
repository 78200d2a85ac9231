// Zod shapes of sharing groups (docs/federation.md §19): named sets of peers an admin keeps, so a
// share or a hotline broadcast can name "Asia-Pacific 24/7 contacts" instead of each party.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';

export const GROUP_NAME_MAX = 120;
export const GROUP_REGION_MAX = 80;
export const GROUP_MEMBERS_MAX = 200;

const PartyId = z.string().trim().min(1).max(100);
const Name = z
  .string()
  .trim()
  .min(1, ruleMessage('Give the group a name in both languages.', '请用两种语言填写分组名称。'))
  .max(GROUP_NAME_MAX);

export const ZSharingGroupInputSchema = z.object({
  name: z.object({ en: Name, zh: Name }),
  region: z.string().trim().max(GROUP_REGION_MAX).nullable().default(null),
  members: z
    .array(PartyId)
    .min(1, ruleMessage('A group needs at least one member.', '分组至少需要一个成员。'))
    .max(GROUP_MEMBERS_MAX),
});
export type TSharingGroupInput = z.infer<typeof ZSharingGroupInputSchema>;

export type SharingGroup = {
  id: string;
  name: { en: string; zh: string };
  region: string | null;
  members: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};
