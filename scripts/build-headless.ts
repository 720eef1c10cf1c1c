import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Builds headless mode (main/headless/cli.ts) into one Node ESM file,
 * out/headless/cli.mjs, so `npm run headless` starts with plain Node: compiling
 * the TypeScript with tsx at every start cost about a second of figure 8.
 * Native modules stay outside the bundle and load from node_modules: keytar,
 * better-sqlite3 (its loader finds the .node file from its own path), and ws
 * (optional native add-ons). undici stays outside too, so that it is loaded
 * only when a proxy is set.
 * out/headless sits as deep as main/headless, so paths the code finds from
 * import.meta.url (../../out/renderer, ../../package.json) hold in both.
 */
const ROOT = resolve(import.meta.dirname, '..');
const NATIVE = ['keytar', 'better-sqlite3', 'ws'];
/** Imported only when needed, so not evaluated at every start: undici, for a proxy (about 160 ms). */
const LAZY = ['undici'];
const EXTERNAL = [...NATIVE, ...LAZY, 'electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(ROOT, 'shared') } },
  ssr: { noExternal: true, external: [...NATIVE, ...LAZY] },
  build: {
    ssr: resolve(ROOT, 'main/headless/cli.ts'),
    outDir: resolve(ROOT, 'out/headless'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: EXTERNAL,
      output: { format: 'es', entryFileNames: 'cli.mjs', codeSplitting: false },
      // bottleneck's optional Redis modules `eval("require")`; they are never loaded here.
      onwarn(warning, warn) {
        if (warning.code !== 'EVAL') warn(warning);
      },
    },
  },
});
process.stdout.write('headless: out/headless/cli.mjs\n');
