import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Folders import each other in one direction only. A cycle between two folders
 * (engine ↔ settings, core ↔ headless) means neither can be understood, tested or
 * moved without the other. Type-only imports are left out: they vanish at build time.
 */
const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `main/engine/alerts/x.ts` → `main/engine`; the renderer and preload count as one folder each. */
function folderOf(file: string): string {
  const parts = relative(root, file).split('/');
  if (parts[0] === 'renderer' || parts[0] === 'preload') return parts[0];
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  const files = ['main', 'shared', 'preload', 'renderer/src'].flatMap((dir) => sourceFiles(join(root, dir)));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.[^']+)'/gm)) {
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), match[1]!));
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, relative(root, file));
      graph.set(from, edges);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const visit = (node: string, path: string[]): void => {
    for (const next of graph.get(node)?.keys() ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next].join(' → '));
      else visit(next, [...path, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return [...new Set(found)];
}

describe('imports between folders', () => {
  const graph = folderGraph();

  it('form no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keep the rules of the layers: settings knows no providers, the engine no settings, core no shell', () => {
    const imports = (from: string, to: string) => graph.get(from)?.get(to) ?? null;
    expect(imports('main/settings', 'main/providers')).toBeNull();
    expect(imports('main/engine', 'main/settings')).toBeNull();
    expect(imports('main/core', 'main/headless')).toBeNull();
    expect(imports('main/core', 'main/app')).toBeNull();
    expect(imports('shared', 'main/engine')).toBeNull();
  });

  it('the engine takes preferences as values: not even a type comes from settings', () => {
    const engineFiles = sourceFiles(join(root, 'main', 'engine'));
    const borrowing = engineFiles.filter((file) => /from '(\.\.\/)+settings\//.test(readFileSync(file, 'utf8')));
    expect(borrowing.map((file) => relative(root, file))).toEqual([]);
  });

  it('neither composition root borrows from the other, and the core knows neither (not even a type)', () => {
    const imports = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(imports('main/index.ts')).not.toMatch(/from '\.\/headless\//);
    const core = sourceFiles(join(root, 'main', 'core')).filter((file) =>
      /from '\.\.\/(headless|app|index)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(core.map((file) => relative(root, file))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const fake = new Map([
      ['a', new Map([['b', 'a.ts']])],
      ['b', new Map([['a', 'b.ts']])],
    ]);
    expect(cycles(fake)).toContain('a → b → a');
  });
});
