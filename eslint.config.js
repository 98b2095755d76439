// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const HEADLESS_MESSAGE =
  'Layer rule: engine/game/scenarios/cli/tools must stay headless: no pixi.js, DOM, src/render, src/audio, src/ui (the layers in README "Architecture").';
const NO_TESTS = {
  group: ['**/test', '**/test/**'],
  message: 'Layer rule: nothing under src/ imports from test/ (shared helpers belong in src/tools).',
};
const RENDER_MESSAGE =
  'Layer rule: src/render draws and must not know the UI: the contract both share is src/render/contract.ts (the layers in README "Architecture").';

const NET_MESSAGE =
  'Layer rule: the classroom transport (src/net) sits beside the engine; engine/game/scenarios never import it (README "Classroom").';

/** The import patterns every headless layer refuses. */
const HEADLESS_PATTERNS = [
  { group: ['pixi.js', 'pixi.js/*', '@pixi/*'], message: HEADLESS_MESSAGE },
  {
    group: ['**/render', '**/render/**', '**/ui', '**/ui/**', '**/audio', '**/audio/**'],
    message: HEADLESS_MESSAGE,
  },
];

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'bench/results*', 'coverage/**', 'test-results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'new Function is forbidden (no code generation from strings).',
        },
        {
          selector: "CallExpression[callee.name='Function']",
          message: 'Function() is forbidden (no code generation from strings).',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                "Import { z } from src/engine/zod.ts: it turns off zod's new Function probe (CSP, no code generation).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['src/engine/zod.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  {
    // Type-aware, for src only: with noUncheckedIndexedAccess on, a cast that no longer changes the type is noise.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // One screen: a factory's methods and a component's handlers count towards the function that holds them.
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  { files: ['src/**'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_TESTS] }] } },
  {
    files: ['src/render/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_TESTS, { group: ['**/ui', '**/ui/**'], message: RENDER_MESSAGE }] },
      ],
    },
  },
  {
    files: ['src/engine/**', 'src/game/**', 'src/scenarios/**', 'src/cli/**', 'src/tools/**', 'src/net/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_TESTS, ...HEADLESS_PATTERNS] }],
    },
  },
  {
    files: ['src/engine/**', 'src/game/**', 'src/scenarios/**', 'src/cli/**', 'src/tools/bench/**', 'src/net/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'requestAnimationFrame',
          'localStorage',
          'HTMLElement',
          'AudioContext',
          'speechSynthesis',
        ].map((name) => ({ name, message: HEADLESS_MESSAGE })),
      ],
    },
  },
  {
    files: ['src/engine/**', 'src/game/**', 'src/scenarios/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_TESTS,
            ...HEADLESS_PATTERNS,
            { group: ['**/net', '**/net/**', '@nats-io/*'], message: NET_MESSAGE },
          ],
        },
      ],
    },
  },
);
