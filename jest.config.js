// Two projects: fast pure unit specs next to the code, and e2e specs that boot the real
// app against a real PostgreSQL (embedded PGlite unless DATABASE_URL is given).
const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] };
const moduleNameMapper = {
  '^@wijkkompas/core/testing$': '<rootDir>/libs/core/src/testing',
  '^@wijkkompas/([a-z-]+)$': '<rootDir>/libs/$1/src',
};

module.exports = {
  // Only honoured at the top level; e2e tests boot the app and run jobs.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
