import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The sandboxed preload is bundled into one file, so every value it imports ends up
 * in it. It may take values only from `electron` and the channel-name list; anything
 * else (the contract's zod schemas above all) must be a type-only import.
 */
const root = join(import.meta.dirname, '..', '..', '..');

function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) specifiers.push(match[1]!);
  return specifiers;
}

function valueGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('@shared/')) visit(join(root, 'shared', `${specifier.slice('@shared/'.length)}.ts`));
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), `${specifier}.ts`));
    }
  };
  visit(entry);
  return [...seen].map((file) => file.slice(root.length + 1)).sort();
}

describe('the preload bundle', () => {
  it('takes values only from electron and shared/ipc/channels.ts', () => {
    const entry = join(root, 'preload', 'index.ts');
    expect(valueImports(entry).filter((s) => !s.startsWith('.') && !s.startsWith('@shared/'))).toEqual(['electron']);
    expect(valueGraph(entry)).toEqual(['preload/index.ts', 'shared/ipc/channels.ts']);
  });
});
