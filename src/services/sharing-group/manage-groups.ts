// Use cases: list, create, change and delete sharing groups (docs/federation.md §19). Admins manage
// them (federation:manage); every change is audited with the group's name, region and members.
import { appendAudit } from '../../audit/audit-log.js';
import type { SharingGroup, TSharingGroupInput } from '../../domain/sharing-group/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import {
  deleteSharingGroup,
  findSharingGroup,
  insertSharingGroup,
  listSharingGroups,
  updateSharingGroup,
} from '../../storage/repositories/sharing-group.repository.js';
import type { ServiceContext } from '../context.js';

export async function listGroups(ctx: ServiceContext): Promise<SharingGroup[]> {
  return listSharingGroups(ctx.db);
}

function members(input: TSharingGroupInput): string[] {
  return [...new Set(input.members)];
}

export async function createGroup(ctx: ServiceContext, actor: Actor, input: TSharingGroupInput): Promise<SharingGroup> {
  const now = ctx.clock().toISOString();
  const group: SharingGroup = {
    id: newId(),
    name: input.name,
    region: input.region || null,
    members: members(input),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return ctx.db.transaction(async (tx) => {
    await insertSharingGroup(tx, group);
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.group_created',
        subjectType: 'sharing_group',
        subjectId: group.id,
        data: { name: group.name, region: group.region, members: group.members },
      },
      ctx.clock(),
    );
    return group;
  });
}

export async function updateGroup(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: TSharingGroupInput & { version: number },
): Promise<SharingGroup> {
  return ctx.db.transaction(async (tx) => {
    const before = await findSharingGroup(tx, id);
    if (!before) throw new AppError('GROUP_NOT_FOUND', { details: { group: id } });
    if (before.version !== input.version)
      throw new AppError('GROUP_VERSION_CONFLICT', { details: { group: id, version: before.version } });
    const after: SharingGroup = {
      ...before,
      name: input.name,
      region: input.region || null,
      members: members(input),
      updatedAt: ctx.clock().toISOString(),
      version: before.version + 1,
    };
    if (!(await updateSharingGroup(tx, after, before.version)))
      throw new AppError('GROUP_VERSION_CONFLICT', { details: { group: id } });
    const added = after.members.filter((m) => !before.members.includes(m));
    const removed = before.members.filter((m) => !after.members.includes(m));
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.group_updated',
        subjectType: 'sharing_group',
        subjectId: id,
        data: { name: after.name, region: after.region, members: after.members, added, removed },
      },
      ctx.clock(),
    );
    return after;
  });
}

export async function deleteGroup(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findSharingGroup(tx, id);
    if (!before || !(await deleteSharingGroup(tx, id)))
      throw new AppError('GROUP_NOT_FOUND', { details: { group: id } });
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.group_deleted',
        subjectType: 'sharing_group',
        subjectId: id,
        data: { name: before.name, members: before.members },
      },
      ctx.clock(),
    );
  });
}
