import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain core is pure: no I/O, no environment, no clock, no adapters.
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: no node:* imports.' },
          {
            group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'process'],
            message: 'src/core is pure: no Node built-ins.',
          },
          {
            group: ['**/storage/**', '**/http/**', '**/cli/**', '**/app/**', '**/config/**', '**/main/**', '**/mail/**', '**/worker/**', '**/holidays/**'],
            message: 'src/core may import only from src/core.',
          },
          { group: ['kysely', 'better-sqlite3', 'pg', 'fastify', 'commander', 'date-holidays'], message: 'src/core is pure: no adapters.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'process', message: 'src/core reads no environment.' },
      { name: 'Date', message: 'src/core reads no clock: take "now" as an argument.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Temporal', property: 'Now', message: 'src/core reads no clock.' },
    ],
  },
};

const appBoundary = {
  files: ['src/app/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/storage/**', '**/http/**', '**/cli/**', '**/main/**', '**/mail/**', '**/worker/**'], message: 'src/app imports core only.' },
          { group: ['kysely', 'better-sqlite3', 'pg', 'fastify', 'commander'], message: 'src/app imports core only.' },
        ],
      },
    ],
  },
};

/** One part of the layout may import only the parts named (plus packages and Node). */
function boundary(files, forbidden, message, extra = []) {
  // no-restricted-imports sees only static imports: lazy `import()` and `import('…').Type` too.
  const path = `/^(\\.\\.?\\/)+(${forbidden.join('|')})\\//`;
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: forbidden.map((part) => `**/${part}/**`), message }, ...extra] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=${path}]`, message },
        { selector: `TSImportType[argument.literal.value=${path}]`, message },
      ],
    },
  };
}

// Adapters around the core: each talks to the core and the use cases, never to another
// adapter (src/main is the one place that wires them together).
const adapterBoundaries = [
  boundary(
    ['src/http/**/*.ts'],
    ['storage', 'cli', 'main', 'worker', 'inbox'],
    'src/http uses src/app and src/core; src/main wires it to storage.',
  ),
  boundary(
    ['src/storage/**/*.ts'],
    ['http', 'cli', 'main', 'worker', 'mail', 'inbox', 'import'],
    'src/storage implements the ports of src/app; it knows no other adapter.',
  ),
  boundary(
    ['src/mail/**/*.ts', 'src/inbox/**/*.ts', 'src/import/**/*.ts', 'src/feed/**/*.ts'],
    ['storage', 'http', 'cli', 'main', 'worker'],
    'an adapter uses src/app and src/core only; src/main wires it to the others.',
  ),
  boundary(
    ['src/templates/**/*.ts', 'src/holidays/**/*.ts', 'src/secrets/**/*.ts', 'src/config/**/*.ts'],
    ['storage', 'http', 'cli', 'main', 'worker', 'mail', 'inbox', 'import'],
    'a leaf module: it depends on src/core (and src/app ports) only.',
  ),
  boundary(
    ['src/cli/**/*.ts'],
    ['storage', 'http', 'worker', 'mail', 'inbox', 'import', 'feed', 'templates', 'holidays', 'secrets'],
    'src/cli uses src/app and src/core; it reaches the other adapters only through src/main (lazily).',
  ),
  boundary(
    ['src/worker/**/*.ts'],
    ['storage', 'http', 'cli', 'main', 'import', 'feed', 'templates', 'holidays', 'secrets', 'config'],
    "src/worker is the worker's own logic over the ports of src/app; src/main hands it its dependencies.",
  ),
  boundary(
    ['web/src/**/*.{ts,tsx}'],
    ['storage', 'http', 'cli', 'main', 'worker', 'mail', 'inbox', 'import', 'holidays', 'secrets', 'config', 'templates'],
    'the web app talks to the server over the API; it shares only types and pure code of src/core and src/app.',
    [{ group: ['node:*'], message: 'the web app runs in the browser: no Node built-ins.' }],
  ),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  coreBoundary,
  appBoundary,
  ...adapterBoundaries,
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
