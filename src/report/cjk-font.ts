// Finds a font with Chinese glyphs to embed in PDF reports. A PDF drawn without one would show
// empty boxes, so when none is found the export is refused with REPORT_FONT_MISSING instead.
import { existsSync } from 'node:fs';
import { AppError } from '../errors.js';

export type CjkFont = {
  path: string;
  /** PostScript name inside a .ttc collection; undefined for single fonts. */ family?: string;
};

/** Debian/Ubuntu and Fedora locations; the first that exists wins. */
const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

/**
 * `CROSSLINE_REPORT_FONT` may name a font file, with `#PostScriptName` for a collection
 * (e.g. `/fonts/NotoSansCJK.ttc#NotoSansCJKsc-Regular`); an empty value disables the search (tests).
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const override = env.CROSSLINE_REPORT_FONT;
  const candidates = override === undefined ? CANDIDATES : override === '' ? [] : [parseOverride(override)];
  const found = candidates.find((c) => existsSync(c.path));
  if (!found)
    throw new AppError('REPORT_FONT_MISSING', {
      details: { package: 'fonts-wqy-zenhei', searched: candidates.map((c) => c.path) },
    });
  return found;
}

function parseOverride(value: string): CjkFont {
  const hash = value.lastIndexOf('#');
  return hash > 0 ? { path: value.slice(0, hash), family: value.slice(hash + 1) } : { path: value };
}
