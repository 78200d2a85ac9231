// The navigation: sections of the workspace and the permission each needs.
import type { Permission } from '../api/types';

export type NavItem = { to: string; label: NavKey; icon: string; permission: Permission; end?: boolean };
export type NavKey =
  | 'nav.inbox' | 'nav.requests' | 'nav.hotline' | 'nav.cases' | 'nav.dialogue'
  | 'nav.dashboard' | 'nav.federation' | 'nav.audit' | 'nav.admin';

export const NAV: { heading: 'nav.work' | 'nav.oversight'; items: NavItem[] }[] = [
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
    heading: 'nav.oversight',
    items: [
      { to: '/dashboard', label: 'nav.dashboard', icon: 'dashboard', permission: 'request:read' },
      { to: '/network', label: 'nav.federation', icon: 'federation', permission: 'node:read' },
      { to: '/audit', label: 'nav.audit', icon: 'audit', permission: 'audit:read' },
      { to: '/admin', label: 'nav.admin', icon: 'admin', permission: 'user:manage' },
    ],
  },
];
