import type { ViewerPoint } from '@shared/model/samples';

/** How far from "the same time yesterday" a reading may be and still stand for it. */
const MATCH_MS = 10 * 60_000;

/**
 * "+12 % vs yesterday": the newest reading against the stored reading nearest
 * the same time a day earlier (points already moved forward by a day). Null
 * when either is missing, or yesterday had no viewers to compare with (a
 * percentage of zero says nothing).
 */
export function versusYesterday(
  latest: number | null,
  yesterday: readonly ViewerPoint[] | undefined,
  latestAt: number | null,
): string | null {
  if (latest === null || latestAt === null || !yesterday || yesterday.length === 0) return null;
  let nearest: ViewerPoint | null = null;
  for (const point of yesterday) {
    if (nearest === null || Math.abs(point.at - latestAt) < Math.abs(nearest.at - latestAt)) nearest = point;
  }
  if (nearest === null || Math.abs(nearest.at - latestAt) > MATCH_MS || nearest.viewers <= 0) return null;
  const change = Math.round(((latest - nearest.viewers) / nearest.viewers) * 100);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${Math.abs(change)} % vs yesterday`;
}
