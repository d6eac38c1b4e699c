import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'src/generated/**', 'media/report.js', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in browsers and web workers too: no Node, VS Code or extension APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'vscode', 'chrome', 'fs', 'path', 'os', 'child_process'] }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    // Surfaces never import each other: what two of them share lives in a neutral folder (src/core, src/host, src/editor, src/report).
    files: ['src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^vscode$|(^|/)(vscode|browser|cli)/', message: 'The language server imports no other surface: move shared code to a neutral folder.' }] }],
    },
  },
);
