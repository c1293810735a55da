// Lint for the Nest services, the libraries and the scripts. apps/web has its own eslint.config.js.
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The Node.js globals the .mjs scripts use (no-undef is on for plain JavaScript only).
const nodeGlobals = {};
for (const name of [
  ...['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'AbortSignal', 'structuredClone'],
  ...['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask'],
]) {
  nodeGlobals[name] = 'readonly';
}

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/**', 'coverage/**', '.ci/**', 'docs/**'] },
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/test/**/*.ts', 'libs/*/src/**/*.ts', 'scripts/**/*.mjs'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      // @qifu/* resolve through the npm workspace links to libs/*/src/index.ts.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.node'],
          conditionNames: ['types', 'node', 'import', 'require', 'default'],
        }),
      ],
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
    },
    rules: {
      // No import cycles, across libraries too (libs are resolved to their sources).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-console': 'off', 'no-undef': 'error' },
  },
  // Last: turns off the stylistic rules Prettier owns.
  prettier,
);
