// Domain rules on case input (bilingual issues) and the construction of a new case record.
import type { ValidationIssue } from '../../error-types.js';
import { validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import type { Role } from '../shared/roles.js';
import type { CaseConfidentiality, CaseMember, CaseRecord, CaseRole, CrimeCategory } from './case-types.js';
import { CASE_CONFIDENTIALITY, CRIME_CATEGORIES } from './case-types.js';
import type { CaseDomainEvent } from './events.js';
import { actorId, makeEvent } from './events.js';
import { caseRolesAllowedFor, requireCaseAccess } from './policy.js';
import type { Tlp } from './tlp.js';
import { TLP_LEVELS } from './tlp.js';

export const CASE_LIMITS = { titleChars: 200, summaryChars: 10_000, referenceChars: 64, reasonChars: 2_000 } as const;

const CONTROL = /[\u0000-\u001f\u007f]/;

export type CaseFieldsInput = {
  reference?: string;
  title?: { en?: string; zh?: string };
  summary?: { en?: string; zh?: string };
  crimeCategories?: readonly string[];
  tlp?: string;
  confidentiality?: string;
};

/** Validates the fields present; `requireAll` makes title and categories mandatory (create). */
export function validateCaseFields(input: CaseFieldsInput, requireAll: boolean): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (input.reference !== undefined) {
    const r = input.reference.trim();
    if (r.length === 0 || r.length > CASE_LIMITS.referenceChars || CONTROL.test(r)) {
      out.push(
        issue(
          'reference',
          'CASE_REFERENCE_INVALID',
          `The reference must be 1–${CASE_LIMITS.referenceChars} printable characters.`,
          `案件编号须为 1–${CASE_LIMITS.referenceChars} 个可打印字符。`,
        ),
      );
    }
  }
  if (input.title !== undefined || requireAll) {
    const en = input.title?.en?.trim() ?? '';
    const zh = input.title?.zh?.trim() ?? '';
    if (!en && !zh) {
      out.push(
        issue(
          'title',
          'CASE_TITLE_REQUIRED',
          'Give a title in English or Chinese (preferably both).',
          '请填写中文或英文标题（最好两者都填）。',
        ),
      );
    }
    for (const [lang, v] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      if (v.length > CASE_LIMITS.titleChars) {
        out.push(
          issue(
            `title.${lang}`,
            'CASE_TITLE_TOO_LONG',
            `The title may have at most ${CASE_LIMITS.titleChars} characters.`,
            `标题最多 ${CASE_LIMITS.titleChars} 个字符。`,
          ),
        );
      }
    }
  }
  for (const lang of ['en', 'zh'] as const) {
    const v = input.summary?.[lang] ?? '';
    if (v.length > CASE_LIMITS.summaryChars) {
      out.push(
        issue(
          `summary.${lang}`,
          'CASE_SUMMARY_TOO_LONG',
          `The summary may have at most ${CASE_LIMITS.summaryChars} characters.`,
          `摘要最多 ${CASE_LIMITS.summaryChars} 个字符。`,
        ),
      );
    }
  }
  if (input.crimeCategories !== undefined || requireAll) {
    const cats = input.crimeCategories ?? [];
    if (cats.length === 0) {
      out.push(
        issue(
          'crimeCategories',
          'CASE_CATEGORY_REQUIRED',
          'Choose at least one crime category.',
          '请至少选择一个犯罪类别。',
        ),
      );
    }
    cats.forEach((c, i) => {
      if (!(CRIME_CATEGORIES as readonly string[]).includes(c)) {
        out.push(
          issue(
            `crimeCategories.${i}`,
            'CASE_CATEGORY_UNKNOWN',
            `Unknown crime category “${c}”.`,
            `未知的犯罪类别“${c}”。`,
          ),
        );
      }
    });
    if (new Set(cats).size !== cats.length) {
      out.push(
        issue(
          'crimeCategories',
          'CASE_CATEGORY_DUPLICATE',
          'Each crime category may be chosen only once.',
          '每个犯罪类别只能选择一次。',
        ),
      );
    }
  }
  if (input.tlp !== undefined && !(TLP_LEVELS as readonly string[]).includes(input.tlp)) {
    out.push(issue('tlp', 'CASE_TLP_UNKNOWN', 'Unknown TLP marking.', '未知的 TLP 标记。'));
  }
  if (
    input.confidentiality !== undefined &&
    !(CASE_CONFIDENTIALITY as readonly string[]).includes(input.confidentiality)
  ) {
    out.push(
      issue('confidentiality', 'CASE_CONFIDENTIALITY_UNKNOWN', 'Unknown confidentiality level.', '未知的保密级别。'),
    );
  }
  return out;
}

/** A reason is required to suspend, close or reopen, so the timeline explains itself. */
export function validateReason(reason: string | undefined): ValidationIssue[] {
  const r = reason?.trim() ?? '';
  if (r.length === 0) return [issue('reason', 'CASE_REASON_REQUIRED', 'Please give a reason.', '请填写原因。')];
  if (r.length > CASE_LIMITS.reasonChars) {
    return [
      issue(
        'reason',
        'CASE_REASON_TOO_LONG',
        `The reason may have at most ${CASE_LIMITS.reasonChars} characters.`,
        `原因最多 ${CASE_LIMITS.reasonChars} 个字符。`,
      ),
    ];
  }
  return [];
}

export function validateMemberRole(
  caseRole: CaseRole,
  userRoles: readonly Role[],
  path = 'caseRole',
): ValidationIssue[] {
  return caseRolesAllowedFor(userRoles).includes(caseRole)
    ? []
    : [
        issue(
          path,
          'CASE_ROLE_NOT_ALLOWED',
          'Only investigators, analysts, supervisors and points of contact can lead or edit a case; others can be viewers.',
          '只有侦查员、分析员、主管和联络人可以主办或编辑案件，其他人员只能作为查看者。',
        ),
      ];
}

export type CreateCaseInput = {
  reference?: string;
  title: { en?: string; zh?: string };
  summary?: { en?: string; zh?: string };
  crimeCategories: CrimeCategory[];
  leadParty?: string;
  participatingParties?: string[];
  tlp?: Tlp;
  confidentiality?: CaseConfidentiality;
  linkedRequestIds?: string[];
  linkedCallIds?: string[];
  /** Extra members; a user creator always becomes a lead. */
  members?: { userId: string; caseRole: CaseRole; userRoles: Role[] }[];
};

export type CreateCaseContext = {
  id: string;
  /** Used when the input carries no reference of its own (see formatCaseReference). */
  generatedReference: string;
  /** This node's party id; it always participates. */
  localParty: string;
  /** When importing a case a peer shared: that peer. Defaults to `localParty`. */
  originParty?: string;
};

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function createCase(
  input: CreateCaseInput,
  actor: Actor,
  now: Date,
  ctx: CreateCaseContext,
): { record: CaseRecord; events: CaseDomainEvent[] } {
  requireCaseAccess(actor, 'create');
  const issues = validateCaseFields(input, true);
  const at = now.toISOString();
  const by = actorId(actor);
  const members: CaseMember[] = [];
  if (actor.kind === 'user') members.push({ userId: actor.userId, caseRole: 'lead', addedAt: at, addedBy: by });
  (input.members ?? []).forEach((m, i) => {
    issues.push(...validateMemberRole(m.caseRole, m.userRoles, `members.${i}.caseRole`));
    if (!members.some((x) => x.userId === m.userId))
      members.push({ userId: m.userId, caseRole: m.caseRole, addedAt: at, addedBy: by });
  });
  if (!members.some((m) => m.caseRole === 'lead')) {
    issues.push(issue('members', 'CASE_LEAD_REQUIRED', 'A case needs a lead investigator.', '案件需要一名主办人。'));
  }
  if (issues.length > 0) throw validationError(issues, 'CASE_INVALID');
  const leadParty = input.leadParty ?? ctx.localParty;
  const record: CaseRecord = {
    id: ctx.id,
    reference: input.reference?.trim() || ctx.generatedReference,
    title: { en: input.title.en?.trim() ?? '', zh: input.title.zh?.trim() ?? '' },
    summary: { en: input.summary?.en?.trim() ?? '', zh: input.summary?.zh?.trim() ?? '' },
    crimeCategories: uniq(input.crimeCategories),
    status: 'open',
    leadParty,
    originParty: ctx.originParty ?? ctx.localParty,
    participatingParties: uniq([
      leadParty,
      ctx.localParty,
      ...(ctx.originParty ? [ctx.originParty] : []),
      ...(input.participatingParties ?? []),
    ]),
    members,
    linkedRequestIds: uniq(input.linkedRequestIds ?? []),
    linkedCallIds: uniq(input.linkedCallIds ?? []),
    tlp: input.tlp ?? 'AMBER',
    confidentiality: input.confidentiality ?? 'normal',
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    closedAt: null,
    statusReason: null,
    version: 1,
  };
  const event = makeEvent('case.created', actor, now, {
    caseId: record.id,
    reference: record.reference,
    title: record.title,
    leadParty,
  });
  return { record, events: [event] };
}
