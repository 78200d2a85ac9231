// Browser notifications with a sound (issue 19), for a Crossline tab that is open but not looked at:
// shown through the service worker (pager-worker.ts) where the browser has one, else with the
// Notification API, and a short two-tone alert played with Web Audio (no audio file to load; browsers
// allow it after the user has interacted with the page).
import { pagerWorker } from './pager-worker';
export type BrowserNotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

export function browserNotificationState(): BrowserNotificationState {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return Notification.permission as BrowserNotificationState;
}

export async function requestBrowserNotifications(): Promise<BrowserNotificationState> {
  if (browserNotificationState() === 'unsupported') return 'unsupported';
  const state = (await Notification.requestPermission()) as BrowserNotificationState;
  if (state === 'granted') await pagerWorker();
  return state;
}

/** A short two-tone alert; silently nothing where audio is not allowed. */
export function playAlertSound(): void {
  try {
    const Ctx =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const audio = new Ctx();
    const gain = audio.createGain();
    gain.gain.value = 0.15;
    gain.connect(audio.destination);
    [880, 660].forEach((hz, i) => {
      const osc = audio.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(audio.currentTime + i * 0.25);
      osc.stop(audio.currentTime + i * 0.25 + 0.2);
    });
    window.setTimeout(() => {
      void audio.close();
    }, 1000);
  } catch {
    /* no sound is better than a broken page */
  }
}

/**
 * Shows a notification (one per tag: a repeat replaces it) and plays the alert sound. Through the
 * service worker the click opens `path` in this app; without one the Notification API does the same.
 */
export async function showBrowserNotification(
  title: string,
  body: string,
  tag: string,
  path: string,
  onClick?: () => void,
): Promise<void> {
  playAlertSound();
  if (browserNotificationState() !== 'granted') return;
  const options = { body, tag, requireInteraction: true, icon: '/favicon.svg', data: { path } };
  const worker = await pagerWorker();
  if (worker) {
    await worker.showNotification(title, options);
    return;
  }
  const n = new Notification(title, options);
  n.onclick = () => {
    window.focus();
    onClick?.();
    n.close();
  };
}
