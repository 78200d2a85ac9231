// The navigation: sections of the workspace and the permission each needs.
import type { Permission } from '../api/types';

export type NavItem = { to: string; label: NavKey; icon: string; permission: Permission; end?: boolean };
export type NavKey =
  | 'nav.inbox'
  | 'nav.requests'
  | 'nav.hotline'
  | 'nav.cases'
  | 'nav.dialogue'
  | 'nav.dashboard'
  | 'nav.federation'
  | 'nav.audit'
  | 'nav.admin'
  | 'nav.intel'
  | 'nav.triage'
  | 'nav.knowledge'
  | 'nav.search'
  | 'nav.exercises'
  | 'nav.reports';

export const NAV: { heading: 'nav.work' | 'nav.exchange' | 'nav.oversight'; items: NavItem[] }[] = [
  {
    heading: 'nav.work',
    items: [
      { to: '/', label: 'nav.inbox', icon: 'inbox', permission: 'request:read', end: true },
      { to: '/requests', label: 'nav.requests', icon: 'requests', permission: 'request:read' },
      { to: '/hotline', label: 'nav.hotline', icon: 'hotline', permission: 'call:read' },
      { to: '/cases', label: 'nav.cases', icon: 'cases', permission: 'case:read' },
      { to: '/dialogue', label: 'nav.dialogue', icon: 'dialogue', permission: 'dialogue:read' },
    ],
  },
  {
    heading: 'nav.exchange',
    items: [
      { to: '/intel', label: 'nav.intel', icon: 'intel', permission: 'intel:read' },
      { to: '/triage', label: 'nav.triage', icon: 'triage', permission: 'triage:read' },
      { to: '/knowledge', label: 'nav.knowledge', icon: 'knowledge', permission: 'knowledge:read' },
      { to: '/search', label: 'nav.search', icon: 'search', permission: 'knowledge:read' },
      { to: '/exercises', label: 'nav.exercises', icon: 'exercise', permission: 'exercise:read' },
    ],
  },
  {
    heading: 'nav.oversight',
    items: [
      { to: '/dashboard', label: 'nav.dashboard', icon: 'dashboard', permission: 'request:read' },
      { to: '/reports', label: 'nav.reports', icon: 'reports', permission: 'report:read' },
      { to: '/network', label: 'nav.federation', icon: 'federation', permission: 'node:read' },
      { to: '/audit', label: 'nav.audit', icon: 'audit', permission: 'audit:read' },
      { to: '/admin', label: 'nav.admin', icon: 'admin', permission: 'user:manage' },
    ],
  },
];
