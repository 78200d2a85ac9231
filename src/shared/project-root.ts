// The project's root directory (where package.json, src/ and web/ are), found from this module's own
// location, so files read at run time (migrations, the web build) are found the same way whether the
// code runs from its TypeScript sources (src/shared/) or from the bundle (dist/server/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'storage', 'migrations')))
      return dir;
    if (dir === path.dirname(dir)) throw new Error(`no Crossline project above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
