import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, VARIANTS, encodePng, iconFileName, renderIcon } from '../../../scripts/draw-tray-icons';

const DIR = join(__dirname, '../../../resources/tray');

describe('tray icons', () => {
  it.each(
    LEVELS.flatMap((level) =>
      VARIANTS.flatMap((variant) => ([1, 2] as const).map((scale) => [level, variant, scale] as const)),
    ),
  )('%s-%s @%dx is committed and is what scripts/draw-tray-icons.ts draws', (level, variant, scale) => {
    const file = join(DIR, iconFileName(level, variant, scale));
    expect(existsSync(file)).toBe(true);
    const icon = renderIcon(level, variant, scale);
    expect(icon.size).toBe(16 * scale);
    expect(readFileSync(file).equals(encodePng(icon.size, icon.size, icon.rgba))).toBe(true);
  });

  it('leaves the corners transparent and the centre opaque', () => {
    const { size, rgba } = renderIcon('critical', 'light', 2);
    expect(rgba[3]).toBe(0);
    expect(rgba[((size / 2) * size + 4) * 4 + 3]).toBe(255);
  });
});
