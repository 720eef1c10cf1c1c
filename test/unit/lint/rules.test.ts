import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rules that catch real mistakes fire where they should. The snippets are
 * linted as if they were the text of a real file of the tree, so the type-aware rule
 * gets the project's type information.
 */
const ROOT = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: join(ROOT, 'main/engine/timebox.ts') });
}, 120_000);

describe('lint rules that catch real mistakes', () => {
  it('refuses a promise nobody awaits or handles', async () => {
    const code = 'async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n';
    expect(await ruleIds(code, 'main/engine/timebox.ts')).toContain('@typescript-eslint/no-floating-promises');
    expect(await ruleIds(code.replace('  save();', '  void save();'), 'main/engine/timebox.ts')).toEqual([]);
  }, 60_000);

  it('refuses console in product code (the logger is the one way to log)', async () => {
    expect(await ruleIds("console.log('x');\nexport {};\n", 'main/engine/timebox.ts')).toContain('no-console');
    expect(await ruleIds("console.log('x');\nexport {};\n", 'renderer/src/app.tsx')).toContain('no-console');
  }, 60_000);
});
