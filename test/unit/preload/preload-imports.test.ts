import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, valueGraph } from '../../support/value-imports';

/**
 * The sandboxed preload is bundled into one file, so every value it imports ends up
 * in it. It may take values only from `electron` and the channel-name list; anything
 * else (the contract's zod schemas above all) must be a type-only import.
 */
describe('the preload bundle', () => {
  it('takes values only from electron and shared/ipc/channels.ts', () => {
    const graph = valueGraph(join(ROOT, 'preload', 'index.ts'));
    expect(graph.packages).toEqual(['electron']);
    expect(graph.files).toEqual(['preload/index.ts', 'shared/ipc/channels.ts']);
  });
});
