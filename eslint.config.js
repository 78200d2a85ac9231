// Lint: typescript-eslint's recommended rules, and the layers of docs/architecture.md ("Layers") as
// import rules — the judge of what may import what.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import layers from './eslint/layers-plugin.js';

/**
 * The layers of docs/architecture.md ("Layers"), by path (first match wins), and which layers each
 * may import. config.ts and logger.ts belong to no layer: every layer reads its settings.
 */
const LAYERS = {
  composition: ['src/node.ts'],
  domain: ['src/domain', 'src/intel', 'src/errors.ts', 'src/error-types.ts'],
  storage: ['src/storage'],
  support: ['src/shared'],
  services: ['src/services', 'src/federation', 'src/audit', 'src/report', 'src/security'],
  http: ['src/http'],
  cli: ['src/cli'],
  workers: ['src/workers'],
  demo: ['src/demo'],
  web: ['web/src'],
};
const LAYER_RULE = {
  layers: LAYERS,
  allow: {
    domain: [],
    support: [],
    storage: ['domain', 'support'],
    services: ['domain', 'storage', 'support'],
    http: ['services', 'domain', 'support'],
    workers: ['services', 'domain', 'support'],
    cli: ['services', 'domain', 'support', 'composition', 'demo'],
    demo: ['services', 'domain', 'support', 'composition'],
    composition: ['domain', 'support', 'storage', 'services', 'http', 'workers'],
    web: ['domain'],
  },
  // `import type` carries no access: an entry point may name a row or option type it passes on.
  typesAllowed: {
    http: ['storage'],
    workers: ['storage', 'http'],
    cli: ['storage', 'http'],
    demo: ['storage'],
    web: ['services', 'http', 'storage'],
  },
  why: {
    support: 'src/shared holds small utilities that know no layer above them.',
    domain: 'the domain is pure (no storage, services, transport, HTTP or clock).',
    storage: 'storage knows rows and SQL, not the services above it.',
    services: 'services and the federation transport are called by the entry points, never the reverse.',
    http: 'HTTP reaches storage only through services.',
    cli: 'the CLI reaches storage only through services.',
    workers: 'workers reach storage only through services.',
    demo: 'the demo seeds and reads through services, like any client.',
    web: 'the web app talks to the node over its API; it may share only pure domain code and types.',
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'data/', 'test-output/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a deliberately unused binding (a destructured field left out, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Input checks deliberately match control characters (NUL, C0) to refuse them.
      'no-control-regex': 'off',
    },
  },
  { files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  // TypeScript itself reports undefined names, with the right globals per tsconfig.
  { files: ['**/*.ts', '**/*.tsx'], rules: { 'no-undef': 'off' } },
  // Tests read untyped JSON answers and reach into internals; the product code stays free of `any`.
  {
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // The layers (docs/architecture.md, "Layers").
  {
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/boundaries': ['error', LAYER_RULE] },
  },
);
