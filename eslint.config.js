// @ts-check
/**
 * ESLint (flat config): the recommended rules of ESLint and typescript-eslint over the
 * TypeScript and JavaScript of src/, scripts/ and tests/, with the changes below. `.astro`
 * files are not linted (eslint-plugin-astro needs Node 22). Formatting is Prettier's
 * (.prettierrc.json), so no stylistic rule is turned on here.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.build-*/', '.astro/', 'bench-results/', 'seeds/', 'content/', 'tests/fixtures/', 'public/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  { files: ['src/browser/**'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      // A leading underscore marks a binding left unused on purpose; `{ a, ...rest }` drops `a`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The texts are Chinese: an ideographic space (U+3000) in a quoted line, pattern or comment is meant.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      // Patterns that match a tool's indented output read better with the spaces written out.
      'no-regex-spaces': 'off',
    },
  },
);
