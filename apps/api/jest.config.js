/**
 * Two projects: `unit` (colocated src/**\/*.spec.ts, no database) and `integration`
 * (test/**\/*.int-spec.ts and *.e2e-spec.ts on a real PostgreSQL; see test/README.md).
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // The domain package is used from source, so tests never need a build of it.
  moduleNameMapper: { '^@factoryspace/domain$': '<rootDir>/../../packages/domain/src/index.ts' },
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};
