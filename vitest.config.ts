import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The API tests start real servers and SQLite files; two workers fit two cores.
    maxWorkers: 2,
  },
});
