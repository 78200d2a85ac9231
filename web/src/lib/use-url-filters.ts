// List filters kept in the address (?status=…&q=…), so a filtered view can be bookmarked, shared
// and restored with the back button. Empty values are left out of the address.
import { useSearchParams } from 'react-router';

/** `pageKey` (e.g. offset) is cleared whenever another filter changes: a new filter starts at its first page. */
export function useUrlFilters<const K extends string>(
  keys: readonly K[],
  options: { pageKey?: K } = {},
): [Record<K, string>, (key: K, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const set = (key: K, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (options.pageKey && key !== options.pageKey) next.delete(options.pageKey);
    // Typing in a filter must not fill the history with one entry per keystroke.
    setParams(next, { replace: true });
  };
  return [values, set];
}
