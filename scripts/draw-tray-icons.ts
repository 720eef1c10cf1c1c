/**
 * Draws the tray icons: four states × light/dark × 1x/2x, as PNGs in
 * resources/tray/. Run: `npx tsx scripts/draw-tray-icons.ts [--preview file.png]`.
 *
 * Each icon is a status-coloured disc with a glyph, so the states differ in
 * shape as well as colour (a check, "!", "×", and a dash for "no fresh data")
 * for people who cannot tell green from red. "light" icons are for light
 * taskbars (deeper colours, a darker rim); "dark" ones for dark taskbars
 * (brighter colours). Shapes are signed-distance tests, anti-aliased by
 * supersampling. The output is deterministic: re-running changes no byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export type Level = 'ok' | 'warning' | 'critical' | 'unknown';
export type Variant = 'light' | 'dark';
export const LEVELS: readonly Level[] = ['ok', 'warning', 'critical', 'unknown'];
export const VARIANTS: readonly Variant[] = ['light', 'dark'];

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const PALETTE: Record<Variant, Record<Level, { fill: Rgb; rim: Rgb; glyph: Rgb }>> = {
  light: {
    ok: { fill: [0x1f, 0x9d, 0x55], rim: [0x15, 0x6e, 0x3b], glyph: [0xff, 0xff, 0xff] },
    warning: { fill: [0xf0, 0xa2, 0x02], rim: [0xa8, 0x70, 0x00], glyph: [0x2a, 0x1d, 0x00] },
    critical: { fill: [0xd9, 0x30, 0x25], rim: [0x99, 0x1f, 0x17], glyph: [0xff, 0xff, 0xff] },
    unknown: { fill: [0x86, 0x8e, 0x96], rim: [0x5c, 0x63, 0x6a], glyph: [0xff, 0xff, 0xff] },
  },
  dark: {
    ok: { fill: [0x3c, 0xcb, 0x7f], rim: [0x3c, 0xcb, 0x7f], glyph: [0x0b, 0x2a, 0x18] },
    warning: { fill: [0xff, 0xc1, 0x3b], rim: [0xff, 0xc1, 0x3b], glyph: [0x2a, 0x1d, 0x00] },
    critical: { fill: [0xff, 0x5a, 0x4e], rim: [0xff, 0x5a, 0x4e], glyph: [0xff, 0xff, 0xff] },
    unknown: { fill: [0xa7, 0xae, 0xb5], rim: [0xa7, 0xae, 0xb5], glyph: [0x1c, 0x20, 0x24] },
  },
};

/** Glyph strokes in a 16-unit box: polylines drawn with a round pen, plus dots. */
const GLYPHS: Record<Level, { strokes: readonly (readonly Point[])[]; dots: readonly Point[]; pen: number }> = {
  ok: {
    strokes: [
      [
        [4.7, 8.3],
        [7.1, 10.7],
        [11.4, 5.7],
      ],
    ],
    dots: [],
    pen: 1.7,
  },
  warning: {
    strokes: [
      [
        [8, 4.1],
        [8, 8.7],
      ],
    ],
    dots: [[8, 11.5]],
    pen: 1.9,
  },
  critical: {
    strokes: [
      [
        [5.5, 5.5],
        [10.5, 10.5],
      ],
      [
        [10.5, 5.5],
        [5.5, 10.5],
      ],
    ],
    dots: [],
    pen: 1.9,
  },
  unknown: {
    strokes: [
      [
        [5, 8],
        [11, 8],
      ],
    ],
    dots: [],
    pen: 1.9,
  },
};

const CENTRE = 8;
const RADIUS = 7.4;
const RIM = 0.9;
const SUBSAMPLES = 8;

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function inGlyph(level: Level, p: Point): boolean {
  const glyph = GLYPHS[level];
  const half = glyph.pen / 2;
  for (const stroke of glyph.strokes) {
    for (let i = 1; i < stroke.length; i++) if (distanceToSegment(p, stroke[i - 1]!, stroke[i]!) <= half) return true;
  }
  return glyph.dots.some((dot) => Math.hypot(p[0] - dot[0], p[1] - dot[1]) <= glyph.pen * 0.58);
}

/** RGBA pixels of one icon, `16 * scale` pixels square. */
export function renderIcon(level: Level, variant: Variant, scale: number): { size: number; rgba: Uint8Array } {
  const size = 16 * scale;
  const rgba = new Uint8Array(size * size * 4);
  const colours = PALETTE[variant][level];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Premultiplied sums over the subsamples, then averaged.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const p: Point = [(x + (sx + 0.5) / SUBSAMPLES) / scale, (y + (sy + 0.5) / SUBSAMPLES) / scale];
          const d = Math.hypot(p[0] - CENTRE, p[1] - CENTRE);
          if (d > RADIUS) continue;
          const colour = inGlyph(level, p) ? colours.glyph : d > RADIUS - RIM ? colours.rim : colours.fill;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a === 0) continue;
      rgba[i] = Math.round(r / a);
      rgba[i + 1] = Math.round(g / a);
      rgba[i + 2] = Math.round(b / a);
      rgba[i + 3] = Math.round((255 * a) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return { size, rgba };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

export function iconFileName(level: Level, variant: Variant, scale: 1 | 2): string {
  return `${level}-${variant}${scale === 2 ? '@2x' : ''}.png`;
}

/** Every icon on a light and a dark strip, enlarged, for a person to look at. */
function previewSheet(zoom: number): Buffer {
  const cell = 32 * zoom;
  const width = cell * LEVELS.length;
  const height = cell * VARIANTS.length;
  const rgba = new Uint8Array(width * height * 4);
  VARIANTS.forEach((variant, row) => {
    const background = variant === 'light' ? [0xf2, 0xf2, 0xf2] : [0x20, 0x22, 0x25];
    LEVELS.forEach((level, column) => {
      const icon = renderIcon(level, variant, 2);
      for (let y = 0; y < cell; y++) {
        for (let x = 0; x < cell; x++) {
          const s = (Math.floor(y / zoom) * icon.size + Math.floor(x / zoom)) * 4;
          const alpha = icon.rgba[s + 3]! / 255;
          const o = ((row * cell + y) * width + column * cell + x) * 4;
          for (let c = 0; c < 3; c++)
            rgba[o + c] = Math.round(icon.rgba[s + c]! * alpha + background[c]! * (1 - alpha));
          rgba[o + 3] = 255;
        }
      }
    });
  });
  return encodePng(width, height, rgba);
}

function main(): void {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'tray');
  mkdirSync(out, { recursive: true });
  for (const level of LEVELS) {
    for (const variant of VARIANTS) {
      for (const scale of [1, 2] as const) {
        const icon = renderIcon(level, variant, scale);
        writeFileSync(join(out, iconFileName(level, variant, scale)), encodePng(icon.size, icon.size, icon.rgba));
      }
    }
  }
  const previewAt = process.argv.indexOf('--preview');
  if (previewAt > 0 && process.argv[previewAt + 1]) writeFileSync(process.argv[previewAt + 1]!, previewSheet(4));
  console.log(`Wrote ${LEVELS.length * VARIANTS.length * 2} icons to ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
