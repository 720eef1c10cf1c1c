import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Which modules a bundle entry pulls in as values. A bundler keeps every module
 * reached through a value import (`import x from`, `export … from`, a
 * side-effect `import '…'`, a dynamic `import('…')`) and drops type-only ones,
 * so this walk over the source says what ends up in the bundle without
 * building it.
 */
export const ROOT = join(import.meta.dirname, '..', '..');

const VALUE_IMPORTS = [
  /^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm,
  /^export\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm,
  /^import\s+'([^']+)'/gm,
  /\bimport\('([^']+)'\)/g,
];

export function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return VALUE_IMPORTS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function resolveSource(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every source file reached by value from `entry` (relative to the repository), and the packages it names. */
export function valueGraph(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = specifier.startsWith('@shared/')
        ? join(ROOT, 'shared', specifier.slice('@shared/'.length))
        : specifier.startsWith('.')
          ? resolve(dirname(file), specifier)
          : null;
      if (local === null) packages.add(specifier);
      else {
        const found = resolveSource(local);
        if (found) visit(found); // a stylesheet or a ?worker URL: not a module of ours
      }
    }
  };
  visit(entry);
  return {
    files: [...seen].map((file) => file.slice(ROOT.length + 1)).sort(),
    packages: [...packages].sort(),
  };
}
