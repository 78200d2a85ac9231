// Crossline's service worker (issue 19, paging). The web app hands it every page it learns of (a new
// emergency call, an escalation, an undeliverable page …) through registration.showNotification, so
// the notification is the operating system's: it shows with the tab in the background or the browser
// minimised, stays until dealt with, and a click opens the record — in the open Crossline tab when
// there is one, else in a new one. It fetches nothing and caches nothing. It does not receive Web Push:
// a closed tab is reached by e-mail or webhook (docs/operations.md, "Paging").
/* global self */
'use strict';

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** Only a path of this origin is opened (a notification's data comes from the app itself). */
function pathOf(data) {
  const raw = data && typeof data.path === 'string' ? data.path : '/notifications';
  const url = new URL(raw, self.location.origin);
  return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/notifications';
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = pathOf(event.notification.data);
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = tabs.find((c) => new URL(c.url).origin === self.location.origin);
      if (tab) {
        // The app moves to the record with its own router (no reload, the session stays).
        tab.postMessage({ type: 'crossline.open', path });
        await tab.focus();
        return;
      }
      await self.clients.openWindow(path);
    })(),
  );
});
