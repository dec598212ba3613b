// ESLint with typescript-eslint's type-aware rules (docs/development.md, "Habits the tooling checks"): the rules
// that find real bugs in this code — promises nobody awaits or that are passed where a callback's result is
// ignored, and values typed `any` flowing into typed code — plus the recommended set. Formatting is Prettier's.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'coverage/**', 'test-results/**', 'node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The Vite build configs sit outside tsconfig.json's include; they are linted with the default project.
        projectService: { allowDefaultProject: ['vite.*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      // Off on purpose: an `async` function without `await` is how this code implements promise-returning
      // interfaces (connectors, stores, fakes). The rule's fix — dropping `async` — turns a `throw` into a
      // synchronous exception that callers awaiting a promise do not expect, which is a bug, not a cleanup.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
