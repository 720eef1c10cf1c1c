// `npm run headless -- …`: starts the built bundle with plain Node (no tsx at
// start-up, see scripts/build-headless.ts), or says how to get it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../../out/headless/cli.mjs', import.meta.url);
if (existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  process.stderr.write(
    'streamwatch headless: out/headless/cli.mjs is not built yet. Run `npm run build` once, then try again\n' +
      '(or run from source without building: npx tsx main/headless/cli.ts …).\n',
  );
  process.exitCode = 1;
}
