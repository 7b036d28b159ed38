// Mutation testing (`npm run mutation`): which code is mutated, which tests judge it, and the bar.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/engine/**/*.ts',
    'src/evaluation/**/*.ts',
    'src/llm/**/*.ts',
    'src/storage/**/*.ts',
    'src/personas/**/*.ts',
    // Word lists and feedback sentences are data, not logic: a mutated phrase is a different phrase.
    '!src/evaluation/lexicon/de.ts',
    '!src/evaluation/lexicon/en.ts',
    '!src/evaluation/feedback-text/de.ts',
    '!src/evaluation/feedback-text/en.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level constants (compiled patterns, tables) would need a fresh module load per mutant.
  ignoreStatic: true,
  concurrency: 3,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
