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
  // Surfaces never import each other: what two of them share lives in a neutral folder
  // (src/core, src/host, src/editor, src/report), and the neutral folders import no surface.
  // Only the VS Code extension imports the `vscode` module.
  ...[
    ['vscode', 'src/vscode/**/*.ts'],
    ['browser', 'src/browser/**/*.ts'],
    ['cli', 'src/cli/**/*.ts'],
    ['lsp', 'src/lsp/**/*.ts'],
    [null, 'src/{host,editor,report}/**/*.ts'],
  ].map(([own, files]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: own === 'vscode' ? [] : [{ name: 'vscode', message: 'Only the VS Code extension (src/vscode) talks to VS Code.' }],
          patterns: [{ regex: `(^|/)(${['vscode', 'browser', 'cli', 'lsp'].filter((s) => s !== own).join('|')})/`, message: 'Surfaces never import each other: move what they share to a neutral folder.' }],
        },
      ],
    },
  })),
);
