// The repository stands alone (issue 15, item 3): comments and docs cite only documents that are in
// it. Fails on a citation of the planning documents the project started from (they are not in the
// repo), on a `docs/<name>.md` or Markdown link to a file that does not exist or to a heading it
// does not have, and on a `spec.md §N.M` citation with no such section in docs/spec.md.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED_DIRS = ['src', 'web/src', 'test', 'scripts', 'bench', 'docs', 'eslint', 'bin', '.ci'];
const SCANNED_FILES = ['README.md', 'package.json', 'eslint.config.js', 'vitest.config.ts'];
const TEXT_EXT = /\.(ts|tsx|js|mjs|cjs|sql|md|json|css|html|txt)$|^run$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test-output', '.git']);

type TextFile = { rel: string; text: string };

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && TEXT_EXT.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
}

function scannedFiles(): TextFile[] {
  const paths: string[] = [];
  for (const d of SCANNED_DIRS) if (existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d), paths);
  for (const f of SCANNED_FILES) if (existsSync(path.join(ROOT, f))) paths.push(path.join(ROOT, f));
  return paths.map((p) => ({ rel: path.relative(ROOT, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') }));
}

/** Every match of `re` (global) as "file:line: match". */
function hits(
  files: readonly TextFile[],
  re: RegExp,
  keep: (m: RegExpExecArray, f: TextFile) => boolean = () => true,
): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const m of f.text.matchAll(re)) {
      if (!keep(m, f)) continue;
      const line = f.text.slice(0, m.index).split('\n').length;
      out.push(`${f.rel}:${line}: ${m[0]}`);
    }
  }
  return out;
}

/** GitHub's heading anchor: lower case, links and code marks reduced to text, punctuation dropped. */
export function slugOf(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slugOf(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

/** Section numbers of docs/spec.md: "## 4. Case cooperation" → "4", "### 4.5 Correlation" → "4.5". */
function specSections(): Set<string> {
  const spec = readFileSync(path.join(ROOT, 'docs/spec.md'), 'utf8');
  const out = new Set<string>();
  for (const m of spec.matchAll(/^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s/gm)) out.add(m[1]!);
  return out;
}

const files = scannedFiles();
// Built from parts so this file does not cite what it forbids.
const OUTSIDE_DOCS = ['SPEC', 'DESIGN', 'CONVENTIONS', 'LEGAL-BASES'].map((n) => `${n}.md`);

describe('references stay inside the repository', () => {
  it('scans the tree', () => {
    expect(files.length).toBeGreaterThan(500);
    expect(files.some((f) => f.rel === 'docs/spec.md')).toBe(true);
  });

  it('cites no document from outside the repository', () => {
    const outside = [
      ...hits(files, new RegExp(`\\b${'SP' + 'EC'} §`, 'g')),
      ...hits(files, new RegExp(`(?<![\\w/-])(${OUTSIDE_DOCS.map((d) => d.replace('.', '\\.')).join('|')})`, 'g')),
      // The shared planning folder by path (imports of src/shared or services/shared are fine).
      ...hits(files, /(?:\.\.\/)+shared\/[A-Z][A-Z-]*\.md|\/work\/shared\b/g),
    ];
    expect(outside).toEqual([]);
  });

  it('names only docs/*.md files that exist', () => {
    const missing = hits(
      files,
      /(?<![\w./-])docs\/([\w./-]*[\w-])\.md\b/g,
      (m) => !existsSync(path.join(ROOT, `docs/${m[1]}.md`)),
    );
    expect(missing).toEqual([]);
  });

  it('links, in docs and the README, only to Markdown files and headings that exist', () => {
    const anchors = new Map<string, Set<string>>();
    const anchorsIn = (file: string): Set<string> => {
      if (!anchors.has(file)) anchors.set(file, anchorsOf(readFileSync(file, 'utf8')));
      return anchors.get(file)!;
    };
    const markdown = files.filter((f) => f.rel === 'README.md' || (f.rel.startsWith('docs/') && f.rel.endsWith('.md')));
    const broken = hits(markdown, /\]\(([^)\s#]*\.md)?(?:#([^)\s]+))?\)/g, (m, f) => {
      const [, target, anchor] = m;
      if (target === undefined && anchor === undefined) return false;
      if (target !== undefined && /^[a-z]+:/i.test(target)) return false;
      const file = target ? path.resolve(ROOT, path.dirname(f.rel), target) : path.join(ROOT, f.rel);
      if (!existsSync(file) || !statSync(file).isFile()) return true;
      return anchor !== undefined && !anchorsIn(file).has(decodeURIComponent(anchor));
    });
    expect(broken).toEqual([]);
  });

  it('cites only sections that docs/spec.md has', () => {
    const sections = specSections();
    expect(sections.size).toBeGreaterThan(30);
    // "docs/spec.md §4.4, §1.6", "spec.md §1.3–1.7", and link texts "[spec §4.5](spec.md#45-correlation)".
    const citation =
      /\bspec(?:\.md)? (§\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?(?:,\s*§\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?)*)/g;
    let count = 0;
    const unknown: string[] = [];
    for (const f of files) {
      for (const m of f.text.matchAll(citation)) {
        for (const n of m[1]!.matchAll(/\d+(?:\.\d+)*/g)) {
          count += 1;
          const number = n[0].replace(/\.$/, '');
          if (!sections.has(number))
            unknown.push(`${f.rel}:${f.text.slice(0, m.index).split('\n').length}: ${m[0]} (§${number})`);
        }
      }
    }
    expect(unknown).toEqual([]);
    // The code cites the spec throughout; a count near zero means the pattern above broke.
    expect(count).toBeGreaterThan(100);
  });
});
