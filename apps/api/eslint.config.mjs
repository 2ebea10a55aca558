import base from '../../eslint.config.mjs';

export default [
  ...base,
  {
    // Only config/ may read the environment (docs/architecture.md).
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/config only.',
        },
      ],
    },
  },
];
