// The header bell: unread notifications (escalations, overdue deadlines, reminders) with a count;
// new urgent ones also raise a browser notification with a sound (paging, issue 19).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBrowserPager } from '../account/use-browser-pager';
import { browserNotificationState } from '../account/browser-notify';
import { answer, http } from '../../api/client';
import { Icon } from '../../components/Icon';

export function useUnreadNotifications() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => answer(http.GET('/api/notifications', { params: { query: { unread: 'true', limit: 200 } } })),
    // With browser notifications allowed the tab is this user's pager: look more often.
    refetchInterval: browserNotificationState() === 'granted' ? 5_000 : 30_000,
  });
}

export function NotificationBell() {
  const { t } = useTranslation();
  const items = useUnreadNotifications().data?.items;
  useBrowserPager(items);
  const unread = items?.length ?? 0;
  return (
    <Link to="/notifications" className="header-btn" title={t('notifications.title')}>
      <Icon name="bell" size={16} />
      <span className="sr-only">{t('notifications.bell', { count: unread })}</span>
      {unread > 0 && (
        <span className="badge-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
