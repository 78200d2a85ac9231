// Browser notifications with a sound (issue 19), for a Crossline tab that is open but not looked at:
// the Notification API where the browser has it, and a short two-tone alert played with Web Audio
// (no audio file to load; browsers allow it after the user has interacted with the page).
export type BrowserNotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

export function browserNotificationState(): BrowserNotificationState {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return Notification.permission as BrowserNotificationState;
}

export async function requestBrowserNotifications(): Promise<BrowserNotificationState> {
  if (browserNotificationState() === 'unsupported') return 'unsupported';
  return (await Notification.requestPermission()) as BrowserNotificationState;
}

/** A short two-tone alert; silently nothing where audio is not allowed. */
export function playAlertSound(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
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
    window.setTimeout(() => { void audio.close(); }, 1000);
  } catch { /* no sound is better than a broken page */ }
}

/** Shows a notification (one per tag: a repeat replaces it) and plays the alert sound. */
export function showBrowserNotification(title: string, body: string, tag: string, onClick?: () => void): void {
  playAlertSound();
  if (browserNotificationState() !== 'granted') return;
  const n = new Notification(title, { body, tag, requireInteraction: true });
  n.onclick = () => { window.focus(); onClick?.(); n.close(); };
}
