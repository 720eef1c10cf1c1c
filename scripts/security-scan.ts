/**
 * `npm run security:scan`: Electronegativity over the app's own sources, then
 * a failure for every HIGH or MEDIUM finding that security/electronegativity-allow.json
 * does not list with a reason. Runs offline (the scanner only warns that it
 * cannot fetch Electron's release list).
 *
 * What is scanned: main/, preload/ and the renderer's sources and index.html,
 * copied with package.json into a temporary folder. Sources rather than the
 * built out/: findings then point at lines a reviewer can read and an
 * allow-list entry stays tied to a file we wrote; the bundle adds only
 * third-party code (React, chart.js, zod) whose findings are not ours to
 * accept, at line numbers that change with every build. The Electron version
 * is the installed one, so the scanner judges defaults correctly (for v45,
 * absent nodeIntegration means off).
 *
 * Why the scanner's JavaScript API rather than parsing its CSV or SARIF file:
 * its CSV writer appends the rows while the header is still being written
 * (two unawaited writeFile calls), which corrupted the first row when tried
 * here, and its SARIF carries no severity. The API returns the same findings
 * with severity and confidence.
 *
 * Also checked, because the scanner cannot: no inline `eng-disable` comments
 * (suppressions belong in the reviewed allow-list), and — when a build exists
 * — that out/preload is one CommonJS file needing only `electron`, as a
 * sandboxed preload must be.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOW_LIST = join(ROOT, 'security', 'electronegativity-allow.json');
const SCANNED = ['package.json', 'main', 'preload', 'renderer/index.html', 'renderer/src'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly severity: string;
  readonly confidence: string;
  readonly sample: string;
  readonly description: string;
}

const AllowListSchema = z.object({
  allow: z.array(
    z
      .object({
        check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as OPEN_EXTERNAL_JS_CHECK'),
        file: z.string().min(1),
        reason: z.string().min(30, 'say why this is safe, in a sentence a reviewer can check'),
      })
      .strict(),
  ),
});
type AllowEntry = z.infer<typeof AllowListSchema>['allow'][number];

async function scan(stage: string, electronVersion: string): Promise<Finding[]> {
  type Issue = {
    id: string;
    file: string;
    location: { line: number };
    severity: { name: string };
    confidence: { name: string };
    sample?: string;
    description: string;
  };
  type Run = (
    options: Record<string, unknown>,
  ) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;
  // dist/runner.js sets `module.exports = run` after `exports.default = run`: accept either shape.
  const loaded = createRequire(import.meta.url)('@doyensec/electronegativity') as Run | { default: Run };
  const run = typeof loaded === 'function' ? loaded : loaded.default;
  const result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    isVerbose: false,
  });
  for (const error of result.errors) console.warn(`  could not parse ${error.file}: ${error.message}`);
  return result.issues.map((issue) => ({
    id: issue.id,
    file: issue.file.split('\\').join('/'),
    line: issue.location.line,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    sample: issue.sample ?? '',
    description: issue.description,
  }));
}

function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), 'streamwatch-scan-'));
  for (const path of SCANNED) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  }
  return stage;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Inline `eng-disable` comments would hide findings from the allow-list review. */
function inlineSuppressions(stage: string): string[] {
  return filesUnder(stage)
    .filter((file) => /\.(ts|tsx|js|html)$/.test(file) && /eng-disable/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(stage, file));
}

/** A sandboxed preload is evaluated as one classic script: CommonJS, and `require` knows only electron (and a few core shims). */
function preloadProblems(): string[] | null {
  const dir = join(ROOT, 'out', 'preload');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((name) => /\.(c?js|mjs)$/.test(name));
  if (files.length !== 1 || !files[0]!.endsWith('.cjs'))
    return [`out/preload should hold one index.cjs, found: ${files.join(', ') || 'nothing'}`];
  const code = readFileSync(join(dir, files[0]!), 'utf8');
  const problems: string[] = [];
  if (/^\s*(import|export)\s/m.test(code)) problems.push(`out/preload/${files[0]} contains ES module syntax`);
  const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!);
  for (const name of new Set(required))
    if (name !== 'electron')
      problems.push(`out/preload/${files[0]} requires "${name}", which a sandboxed preload cannot load`);
  return problems;
}

const matches = (entry: AllowEntry, finding: Finding): boolean =>
  entry.check === finding.id && entry.file === finding.file;

async function main(): Promise<number> {
  const allow = AllowListSchema.safeParse(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')));
  if (!allow.success) {
    const issue = allow.error.issues[0];
    console.error(`${relative(ROOT, ALLOW_LIST)}: ${issue?.path.join('.')} — ${issue?.message}`);
    return 1;
  }
  const electronVersion = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
  ).version;

  const stage = stageSources();
  let findings: Finding[];
  let suppressed: string[];
  try {
    findings = await scan(stage, electronVersion);
    suppressed = inlineSuppressions(stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const serious = findings.filter((finding) => FAILING.has(finding.severity));
  const accepted = serious.filter((finding) => allow.data.allow.some((entry) => matches(entry, finding)));
  const rejected = serious.filter((finding) => !accepted.includes(finding));
  const unused = allow.data.allow.filter((entry) => !serious.some((finding) => matches(entry, finding)));
  const preload = preloadProblems();

  console.log(`\nElectronegativity (Electron ${electronVersion}) over ${SCANNED.join(', ')}:`);
  console.log(
    `  ${findings.length} findings: ${serious.length} HIGH/MEDIUM (${accepted.length} allowed, ${rejected.length} not), ${findings.length - serious.length} LOW/informational`,
  );
  for (const finding of accepted)
    console.log(`  allowed  ${finding.severity.padEnd(6)} ${finding.id} ${finding.file}:${finding.line}`);
  for (const finding of rejected) {
    console.log(
      `  FAIL     ${finding.severity.padEnd(6)} ${finding.id} ${finding.file}:${finding.line} (${finding.confidence})`,
    );
    console.log(`           ${finding.description}: ${finding.sample.slice(0, 120)}`);
  }
  for (const entry of unused)
    console.log(`  note: allow-list entry ${entry.check} ${entry.file} matched nothing; remove it if the code is gone`);
  for (const file of suppressed)
    console.log(
      `  FAIL     inline eng-disable in ${file}: list the finding in ${relative(ROOT, ALLOW_LIST)} with a reason instead`,
    );
  if (preload === null) console.log('  preload: no build in out/ (run npm run build), sandbox format not checked');
  else if (preload.length === 0)
    console.log('  preload: out/preload is one CommonJS file that needs only electron (sandbox-ready)');
  else for (const problem of preload) console.log(`  FAIL     ${problem}`);

  const failed = rejected.length + suppressed.length + (preload?.length ?? 0);
  console.log(failed === 0 ? 'security scan passed' : `security scan failed: ${failed} problem(s)`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error('security scan could not run:', cause);
    process.exit(1);
  },
);
