// `npm run lint`: ESLint with typescript-eslint's type-checked rules (Prettier owns the formatting, so
// eslint-config-prettier turns the overlapping rules off), then dependency-cruiser for the layers.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', '.stryker-tmp/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not (type-graphql roots, Express handlers).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An async method without await is how an implementation of a promise-returning interface (Apollo's
      // plugin hooks, resolvers) reads most plainly; dropping `async` would only move the promise by hand.
      '@typescript-eslint/require-await': 'off',
      // TypeORM names entity classes `Function` (EntityTarget, MixedList<Function>); our entity lists and
      // the policy's entity registry speak its language.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Tests read GraphQL responses, which are JSON the test asserts on, not typed values: the no-unsafe
    // family would demand a type per response for no safety gained. The rest applies as in src/.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
);
