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
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
