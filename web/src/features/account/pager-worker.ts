// The page's side of Crossline's service worker (web/public/sw.js, issue 19): registers it, shows a
// page's notification through it (so it is the system's notification, shown with the tab in the
// background, and its click reaches the app even after the tab lost focus), and hands the app the
// record a clicked notification opens.
const WORKER_URL = '/sw.js';

let registration: Promise<ServiceWorkerRegistration | null> | null = null;

export const hasServiceWorker = (): boolean =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;

/** Registers the worker once per page load; null where the browser has none (or an insecure origin). */
export function pagerWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!registration) {
    registration = hasServiceWorker()
      ? navigator.serviceWorker
          .register(WORKER_URL, { scope: '/' })
          .then(() => navigator.serviceWorker.ready)
          .catch(() => null)
      : Promise.resolve(null);
  }
  return registration;
}

/** Calls `open(path)` when a notification shown through the worker is clicked; returns an unsubscribe. */
export function onWorkerOpen(open: (path: string) => void): () => void {
  if (!hasServiceWorker()) return () => undefined;
  const listener = (e: MessageEvent) => {
    const data = e.data as { type?: string; path?: string } | null;
    if (data?.type === 'crossline.open' && typeof data.path === 'string' && data.path.startsWith('/')) open(data.path);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
