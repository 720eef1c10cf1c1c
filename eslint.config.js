// @ts-check
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/**
 * Lint config. Most of it is the stock recommended sets; what is ours is the
 * process boundaries (architecture.md, "the one rule"): which folders may
 * import Electron, Node built-ins and keytar, and which folders may reach
 * into which by relative import. A file's folder decides the process it can
 * run in, so these are errors, not warnings.
 */

const ENGINE_SIDE = [
  'main/engine',
  'main/providers',
  'main/settings',
  'main/demo',
  'main/headless',
  'main/api',
  'main/core',
  'main/credentials',
  'main/log',
  'main/metrics',
  'main/routing',
  'main/history',
];
const ELECTRON_SIDE = ['main/app', 'main/ipc'];
const SOURCE = ['main', 'preload', 'renderer', 'shared', 'scripts'];

const files = (folders) => folders.flatMap((folder) => [`${folder}/**/*.{ts,tsx,js,mjs,cjs}`]);

const NO_ELECTRON = {
  name: 'electron',
  message:
    'The engine does not know Electron: only main/app, main/ipc, main/index.ts and preload/ may import it. Pass what you need in (see main/engine/types.ts).',
};
const NO_KEYTAR = {
  name: 'keytar',
  message: 'keytar is used only inside main/credentials/ (behind the CredentialStore port).',
};
const NO_RAW_IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message:
    'Register handlers with main/ipc/handle.ts and push with main/ipc/broadcast.ts; they check senders and parse arguments.',
};
const nodeBuiltinPaths = (where) =>
  builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: `${where} runs without Node: no Node built-ins here.` }));
const NODE_PREFIX = (where) => ({ regex: '^node:', message: `${where} runs without Node: no Node built-ins here.` });

/** One `no-restricted-imports` per folder group: ESLint replaces (not merges) a rule's options across config objects. */
function restrictImports({ electron = false, keytar = true, node = null, rawIpcMain = false }) {
  const paths = [];
  if (electron) paths.push(NO_ELECTRON);
  else if (rawIpcMain) paths.push(NO_RAW_IPC_MAIN);
  if (keytar) paths.push(NO_KEYTAR);
  if (node) paths.push(...nodeBuiltinPaths(node));
  return { 'no-restricted-imports': ['error', { paths, patterns: node ? [NODE_PREFIX(node)] : [] }] };
}

/**
 * Relative imports that cross a process boundary (`../../main/engine/x` from
 * the renderer). no-restricted-imports only sees the import text, so this
 * small rule resolves the path against the importing file first.
 */
const processBoundary = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { forbid: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      crossing: '{{from}} may not import from {{target}}/: that code runs in another process (see architecture.md).',
    },
  },
  create(context) {
    const forbid = context.options[0]?.forbid ?? [];
    const cwd = context.cwd;
    const from = relative(cwd, context.filename).split('\\').join('/');
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.'))
        return;
      const target = relative(cwd, resolve(dirname(context.filename), source.value))
        .split('\\')
        .join('/');
      const hit = forbid.find(
        (folder) => target === folder || target.startsWith(`${folder}/`) || target === `${folder}.ts`,
      );
      if (hit)
        context.report({
          node: source,
          messageId: 'crossing',
          data: { from: from.split('/').slice(0, 2).join('/'), target: hit },
        });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const boundary = (forbid) => ({ 'streamwatch/process-boundary': ['error', { forbid }] });

/**
 * The rules of hooks are correctness, so an error. The rest of react-hooks 7's
 * recommended set are React Compiler diagnostics (immutability, refs,
 * set-state-in-effect, …); this project does not run the compiler, and they
 * misread idioms it uses on purpose (chart.js objects mutated in an effect, a
 * latest-handlers ref), so they are shown as warnings, not build failures.
 */
const reactHooksRules = Object.fromEntries(
  Object.entries(reactHooks.configs.flat.recommended.rules).map(([rule, level]) => [
    rule,
    rule === 'react-hooks/rules-of-hooks' || level === 'off' ? level : 'warn',
  ]),
);

export default defineConfig(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'dist/**',
      '.tmp/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { streamwatch: { rules: { 'process-boundary': processBoundary } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Matters of taste the codebase does not follow uniformly; the type checker covers the real cases.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `typeof import('keytar')` types a lazily loaded module without loading it.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },

  // Where each kind of code may run.
  { files: files(SOURCE), rules: restrictImports({}) },
  {
    files: [...files(ELECTRON_SIDE), 'main/index.ts'],
    rules: { ...restrictImports({ rawIpcMain: true }), ...boundary(['renderer', 'preload']) },
  },
  { files: files(['main/ipc']), rules: { ...restrictImports({}), ...boundary(['renderer', 'preload']) } },
  {
    files: files(ENGINE_SIDE),
    rules: {
      ...restrictImports({ electron: true }),
      ...boundary(['renderer', 'preload', ...ELECTRON_SIDE, 'main/index']),
    },
  },
  { files: files(['main/credentials']), rules: restrictImports({ electron: true, keytar: false }) },
  {
    files: files(['shared']),
    rules: {
      ...restrictImports({ electron: true, node: 'shared/ (it also runs in the renderer)' }),
      ...boundary(['main', 'preload', 'renderer']),
    },
  },
  {
    files: files(['preload']),
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...restrictImports({ node: 'The sandboxed preload' }), ...boundary(['main', 'renderer']) },
  },
  {
    files: files(['renderer']),
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooksRules,
      ...restrictImports({ electron: true, node: 'The renderer' }),
      ...boundary(['main', 'preload']),
    },
  },
  // Mistakes the type checker does not catch: a promise nobody awaits loses its error;
  // a console line bypasses the logger (and, in headless, could reach the JSON on stdout).
  {
    files: ['main', 'preload', 'renderer', 'shared'].map((folder) => `${folder}/**/*.{ts,tsx}`),
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': 'error',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  // Scripts the benchmarks load into a browser page.
  { files: ['bench/page/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Tests may reach anywhere (that is what they are for) and use the Node test runner's globals.
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Playwright fixtures that need no other fixture are written `async ({}, use) => …`.
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
);
