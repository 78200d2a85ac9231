// Whether the window is phone-sized, for the few places where a phone gets other markup than a
// desk (the folded navigation, the inbox as cards), not just other CSS. The width must stay the
// one of the `@media (max-width: 720px)` rules in web/src/styles/phone.css.
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 720px)';

function subscribe(listener: () => void): () => void {
  const list = window.matchMedia(PHONE_QUERY);
  list.addEventListener('change', listener);
  return () => list.removeEventListener('change', listener);
}

const isPhone = () => window.matchMedia(PHONE_QUERY).matches;

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, isPhone, () => false);
}
