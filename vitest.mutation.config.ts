import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing runs the unit suites of the mutated folders only: the Discord, CLI and load
// end-to-end suites cover the same code through real sockets and would multiply the run time
// of every mutant without killing more than the unit suites do. (mergeConfig would append to
// `include`, not replace it, hence the spread.)
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/{engine,evaluation,llm,storage,personas,hostile}/**/*.test.ts'],
    exclude: ['test/**/*.e2e.test.ts', 'node_modules/**'],
  },
});
