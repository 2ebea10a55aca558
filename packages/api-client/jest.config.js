/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { isolatedModules: true, lib: ['ES2023', 'DOM'], types: ['jest', 'node'] } },
    ],
  },
  // openapi-fetch ships ESM first; use its CommonJS build under jest.
  moduleNameMapper: { '^openapi-fetch$': '<rootDir>/node_modules/openapi-fetch/dist/index.cjs' },
};
