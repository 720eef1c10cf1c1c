/** How densely the viewers chart draws: line width and bucket size from points and pixels. */

/**
 * Lines with a point every few pixels or closer are drawn one pixel wide: two
 * pixel lines that dense merge into bands, and cost several times more to
 * rasterise (a one-pixel line is a hairline to the 2D canvas).
 */
export function lineWidth(points: number, widthPx: number): number {
  return points > widthPx / 5 ? 1 : 2;
}

/** Buckets of about three pixels, in whole seconds (so a chart's buckets stay put between draws). */
export function bucketFor(rangeMs: number, widthPx: number): number {
  return Math.round((rangeMs * 3) / Math.max(1, widthPx) / 1_000) * 1_000;
}
