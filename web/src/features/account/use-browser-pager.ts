// Turns new urgent notifications into browser notifications with a sound while a tab is open: a new
// emergency or urgent call, a call escalated, a page that could not be delivered, a test page, and
// anything critical. Notifications already there when the tab opened are not announced again. They are
// shown through the service worker (pager-worker.ts), whose click brings the record up in this tab.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../api/types';
import { browserNotificationState, showBrowserNotification } from './browser-notify';
import { onWorkerOpen, pagerWorker } from './pager-worker';

const PAGING_KINDS = ['call.incoming', 'call.escalated', 'paging.failed', 'paging.test'];

const baseKind = (kind: string) => kind.replace(/^exercise\.(?!started$)/, '');

export function pagesBrowser(n: Notification): boolean {
  const kind = baseKind(n.kind);
  if (kind === 'call.incoming') return n.severity !== 'info';
  return PAGING_KINDS.includes(kind) || n.severity === 'critical';
}

function recordPath(n: Notification): string {
  const id = encodeURIComponent(n.subjectId);
  if (n.subjectType === 'call') return `/hotline/calls/${id}`;
  if (n.subjectType === 'request') return `/requests/${id}`;
  if (n.subjectType === 'case') return `/cases/${id}`;
  return '/notifications';
}

export function useBrowserPager(items: Notification[] | undefined): void {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (browserNotificationState() === 'granted') void pagerWorker();
    return onWorkerOpen((path) => {
      void navigate(path);
    });
  }, [navigate]);
  useEffect(() => {
    if (!items) return;
    if (!seen.current) {
      seen.current = new Set(items.map((n) => n.id));
      return;
    }
    const zh = i18n.language.startsWith('zh');
    for (const n of items) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      if (!pagesBrowser(n)) continue;
      const path = recordPath(n);
      void showBrowserNotification(
        zh ? n.title.zh : n.title.en,
        zh ? n.body.zh : n.body.en,
        `crossline-${n.id}`,
        path,
        () => {
          void navigate(path);
        },
      );
    }
  }, [items, i18n.language, navigate]);
}
