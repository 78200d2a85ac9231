// One term per concept (issue 14, item 14): docs/glossary.md names, for each domain concept, the
// Chinese term to use and the variants not to use. Every Chinese text a person reads — the web
// catalogues and the Chinese strings of the server (labels, messages, notices, reports) — follows it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The "不用 / not" column of the glossary table: term → the row's chosen term. */
export function forbiddenTerms(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | English | 中文 | 不用 / not | Note |
    if (cells.length < 6 || cells[1] === 'English' || /^-+$/.test(cells[1] ?? '')) continue;
    for (const bad of (cells[3] ?? '')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter((s) => s && s !== '—'))
      out.set(bad, cells[2]!);
  }
  return out;
}

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p, keep);
    return keep(p) ? [p] : [];
  });
}

const FORBIDDEN = forbiddenTerms(readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8'));

function violations(file: string): string[] {
  const out: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const [bad, good] of FORBIDDEN) {
        if (line.includes(bad)) out.push(`${path.relative(ROOT, file)}:${i + 1}: 「${bad}」→「${good}」`);
      }
    });
  return out;
}

describe('glossary', () => {
  it('is read from docs/glossary.md', () => {
    expect(FORBIDDEN.get('协查请求')).toBe('协助请求');
    expect(FORBIDDEN.get('公众举报')).toBe('群众举报');
    expect(FORBIDDEN.size).toBeGreaterThan(10);
  });

  it('the Chinese web catalogues use one term per concept', () => {
    const catalogues = files(path.join(ROOT, 'web/src/i18n'), (f) => f.endsWith('zh-CN.json'));
    expect(catalogues.length).toBeGreaterThan(5);
    expect(catalogues.flatMap(violations)).toEqual([]);
  });

  it('so do the Chinese texts of the server and the web code', () => {
    const code = [
      ...files(path.join(ROOT, 'src'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      ...files(path.join(ROOT, 'web/src'), (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts')),
    ];
    expect(code.flatMap(violations)).toEqual([]);
  });
});
