// Regenerates the error-code table in docs/api.md from the catalogue (`npm run docs:errors`);
// a test fails when the committed table differs, so the docs stay true to the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CATALOGUE } from '../src/errors.js';

const BEGIN = '<!-- error-codes:begin -->';
const END = '<!-- error-codes:end -->';

export function errorTable(): string {
  const rows = Object.entries(ERROR_CATALOGUE)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, def]) => `| \`${code}\` | ${def.status} | ${def.message.en} | ${def.message.zh} |`);
  return ['| code | HTTP | message (en) | message (zh) |', '|---|---|---|---|', ...rows].join('\n');
}

export function withTable(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) throw new Error('docs/api.md lacks the error-code markers');
  return `${doc.slice(0, start + BEGIN.length)}\n${errorTable()}\n${doc.slice(end)}`;
}

if (process.argv[1]?.endsWith('gen-error-docs.ts')) {
  const file = 'docs/api.md';
  writeFileSync(file, withTable(readFileSync(file, 'utf8')));
  process.stdout.write(`updated ${file}\n`);
}
