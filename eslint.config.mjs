import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frameworks = [
  '@nestjs/*',
  '@prisma/*',
  'prisma',
  'ioredis',
  'bullmq',
  'pg',
  'fastify',
  '@fastify/*',
  'react',
  'react-*',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '.data',
      '.nx',
      'libs/db/src/generated',
      'packages/sdk/src/generated',
      'tools/prisma-diff/node_modules',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:application', 'type:data', 'type:util', 'type:domain'],
              bannedExternalImports: ['@prisma/*', 'pg', 'fastify', '@fastify/*'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:application', 'type:data', 'type:util', 'type:domain'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:application',
                'type:data',
                'type:util',
                'type:domain',
              ],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:data',
                'type:util',
                'type:domain',
                'type:application',
                'type:feature',
                'type:tooling',
              ],
            },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling'] },
            // The vendor SDK is published alone: it may import nothing of the repository.
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:worker', 'scope:shared'] },
            {
              sourceTag: 'scope:file-gateway',
              onlyDependOnLibsWithTags: ['scope:file-gateway', 'scope:shared'],
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'packages/*/scripts/**/*.mjs',
      'packages/*/examples/**/*.mjs',
      'test/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'bench/**',
    ],
    rules: { 'no-console': 'off' },
    languageOptions: { globals: { ...globals.node } },
  },
);
