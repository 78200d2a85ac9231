// The user roles of docs/spec.md §9.1. Permissions per role live in each area's policy.ts.
export const ROLES = [
  'admin',
  'point_of_contact',
  'investigator',
  'analyst',
  'supervisor',
  'auditor',
  'read_only',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { en: string; zh: string }> = {
  admin: { en: 'Administrator', zh: '管理员' },
  point_of_contact: { en: '24/7 point of contact', zh: '24/7 联络人' },
  investigator: { en: 'Investigator', zh: '侦查员' },
  analyst: { en: 'Analyst', zh: '分析员' },
  supervisor: { en: 'Supervisor', zh: '主管' },
  auditor: { en: 'Auditor', zh: '审计员' },
  read_only: { en: 'Read-only', zh: '只读' },
};
