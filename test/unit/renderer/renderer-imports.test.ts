import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, valueGraph } from '../../support/value-imports';

/**
 * The page trusts the preload and main to have parsed what reaches it, so it
 * has no use for zod; loading it anyway costs every start-up its download,
 * compile and schema building (and its `new Function` probe trips the CSP).
 * A value import of a shared model file that defines schemas brings it in:
 * the page takes types from those, and values from zod-free neighbours
 * (rule-levels.ts, collector-sentence.ts).
 */
describe('the renderer bundle', () => {
  const graph = valueGraph(join(ROOT, 'renderer', 'src', 'main.tsx'));

  it('reaches its screens through the entry, dynamic import included', () => {
    expect(graph.files).toContain('renderer/src/mount.tsx');
    expect(graph.files).toContain('renderer/src/features/alerts/rule-row.tsx');
  });

  it('loads no zod', () => {
    expect(graph.packages).not.toContain('zod');
  });
});
