// Separation of duties for admins (security review item 9): an admin manages users and case
// membership but reads no case content. Granting themselves a case role or a working role is allowed
// — a 24/7 unit cannot wait for a second approver at night — but never silent: it writes its own audit
// entry (`security.self_grant`) and tells every supervisor at once, in the same transaction.
import { appendAudit } from '../../audit/audit-log.js';
import type { CaseRole } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../../storage/db.js';
import { notify } from './notify.js';

export type SelfGrant =
  { grant: 'roles'; added: Role[] } | { grant: 'case_role'; caseId: string; reference: string; caseRole: CaseRole };

export async function recordSelfGrant(tx: Queryable, actor: UserActor, g: SelfGrant, now: Date): Promise<void> {
  await appendAudit(
    tx,
    { actor, action: 'security.self_grant', subjectType: 'user', subjectId: actor.userId, data: { ...g } },
    now,
  );
  // The case is named by its reference only: supervisors who are not members learn that it exists
  // (as its admins do), not what it is about.
  const what =
    g.grant === 'roles'
      ? { en: `the role(s) ${g.added.join(', ')}`, zh: `角色 ${g.added.join('、')}` }
      : {
          en: `the case role ${g.caseRole} on case ${g.reference}`,
          zh: `案件 ${g.reference} 的案件角色 ${g.caseRole}`,
        };
  await notify(
    tx,
    {
      to: { role: 'supervisor' },
      kind: 'security.self_grant',
      subjectType: 'user',
      subjectId: actor.userId,
      severity: 'warning',
      title: { en: `${actor.name} granted themselves access`, zh: `${actor.name} 为自己授予了权限` },
      body: {
        en: `${actor.name} gave themselves ${what.en}. Check that this was intended; it is in the audit log as security.self_grant.`,
        zh: `${actor.name} 为自己授予了${what.zh}。请确认此操作符合预期；审计日志记录为 security.self_grant。`,
      },
    },
    now,
  );
}
