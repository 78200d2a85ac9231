// Light / dark theme: remembered on this device, defaulting to the system's preference.
import { useCallback, useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'crossline.theme';

export function startingTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(startingTheme);
  useEffect(() => applyTheme(theme), [theme]);
  const set = useCallback((t: Theme) => {
    localStorage.setItem(KEY, t);
    setTheme(t);
  }, []);
  return [theme, set];
}
