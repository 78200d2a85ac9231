// Pages loaded on first visit (React.lazy). After the node is upgraded, a browser still running the
// previous build asks for chunks that no longer exist; instead of a blank page it reloads once and
// gets the new build. A second failure in a row is shown as the error it is.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

const RELOADED_KEY = 'crossline.chunkReload';

export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    try {
      const page = await load();
      sessionStorage.removeItem(RELOADED_KEY);
      return { default: page };
    } catch (e) {
      if (sessionStorage.getItem(RELOADED_KEY) !== '1') {
        sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
        // The reload replaces the page; until then nothing renders in place of the page.
        return new Promise<never>(() => undefined);
      }
      throw e;
    }
  });
}
