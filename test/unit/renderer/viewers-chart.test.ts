import { describe, expect, it } from 'vitest';

/**
 * viewers-chart.tsx is a React component file; loaded by path so the Node
 * type check (tsconfig.node.json, no JSX, no DOM) does not take it in.
 */
const modulePath = '../../../renderer/src/charts/viewers-chart.tsx';
const { lineWidth } = (await import(/* @vite-ignore */ modulePath)) as {
  lineWidth: (points: number, widthPx: number) => number;
};

describe('lineWidth', () => {
  it('draws one pixel wide when there is a point every five pixels or closer, two otherwise', () => {
    expect(lineWidth(0, 800)).toBe(2);
    expect(lineWidth(60, 800)).toBe(2);
    expect(lineWidth(160, 800)).toBe(2);
    expect(lineWidth(161, 800)).toBe(1);
    expect(lineWidth(1_440, 800)).toBe(1);
    expect(lineWidth(1, 0)).toBe(1);
    expect(lineWidth(0, 0)).toBe(2);
  });
});
