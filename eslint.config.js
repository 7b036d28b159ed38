// ESLint: typescript-eslint's strict type-checked rules over the TypeScript sources, tests and
// benchmarks; the recommended rules over the few plain JavaScript files. `npm test` runs it (`npm run
// lint`) and fails on any finding. Rules are set here, with the reason, only where the codebase
// has a considered answer; a single exception stays beside its line with its reason.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'data/', '.scratch/', '.stryker-tmp*/', 'reports/', '**/*.d.ts'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in messages, ids and log lines are written as they are on purpose ("3/5", "turn 4");
      // everything else (objects, undefined, unknown) must still be made a string by hand.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { secret: _secret, ...rest } = record` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read back the fixtures they built: an index that is not there fails the test at the same
    // line as an assertion would, so `list[0]!` says what the test expects rather than hiding a case.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Test doubles stand in for asynchronous interfaces (stores, graders, voices) with bodies that
      // need no await; declaring them async keeps a thrown failure a rejection, as in the real thing.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript (the CLI entry, the corpus tools writers run without installing anything, this
    // file): no type information to check against.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
