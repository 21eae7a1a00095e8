import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // vitest would otherwise load graphql twice (ESM for our code, CJS for Apollo's), and
    // graphql refuses schemas built by "another module or realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['packages/**/*.test.ts'],
    // npm run build, once: tests start BFFs compiled, as npm start and the containers run them.
    globalSetup: ['packages/deploy/src/compileBeforeTests.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: 'true', NODE_ENV: 'test' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
