// Lint: mostly the layering rule of DESIGN.md §2. Layers import downward only:
// contract <- core <- protocols <- adapters <- hosts. Only hosts/electron (and the preload) import 'electron';
// the renderer imports nothing from src-main except contract/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }],
});
const noElectron = ['electron', 'electron/*'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'src-main/protocols/generated/**', 'test-results/**', 'artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Process state (argv, env, signals, exit) belongs to the hosts and tooling; the engine, protocols and
    // adapters receive what they need through the config object (DESIGN.md rule 5).
    files: ['src-main/hosts/**', 'src-main/headless.ts', 'scripts/**', 'bin/**', 'test/**', 'bench/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['src-main/contract/**'],
    rules: restrict(
      [['node:*', ...noElectron], 'contract/ crosses process boundaries: plain types and constants only.'],
      [['../core/**', '../protocols/**', '../adapters/**', '../hosts/**'], 'contract/ is the bottom layer.'],
    ),
  },
  {
    files: ['src-main/core/**'],
    rules: restrict(
      [noElectron, 'Only hosts/electron may import electron.'],
      [['**/protocols/**', '**/adapters/**', '**/hosts/**'], 'core/ may import only contract/ (layers import downward).'],
    ),
  },
  {
    files: ['src-main/protocols/**'],
    rules: restrict(
      [noElectron, 'Only hosts/electron may import electron.'],
      [['**/adapters/**', '**/hosts/**'], 'protocols/ may import core/ and contract/ only.'],
    ),
  },
  {
    files: ['src-main/adapters/**'],
    rules: restrict(
      [noElectron, 'Only hosts/electron may import electron.'],
      [['**/hosts/**'], 'adapters/ may not import hosts/.'],
    ),
  },
  {
    files: ['src-main/hosts/headless/**', 'src-main/headless.ts', 'test/**', 'bench/**'],
    rules: restrict([noElectron, 'The headless host runs without Electron.']),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict(
      [['node:*', ...noElectron], 'The renderer is browser code.'],
      [['**/src-main/core/**', '**/src-main/protocols/**', '**/src-main/adapters/**', '**/src-main/hosts/**'], 'The renderer imports only src-main/contract.'],
    ),
  },
);
