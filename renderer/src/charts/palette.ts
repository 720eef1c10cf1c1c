/** Line colours chosen to stay distinguishable on both the light and the dark background. */
const PALETTE = ['#2f7fd8', '#e0672b', '#22a06b', '#a35bd6', '#c29a12', '#d6456b', '#1aa3b8', '#7a8a99'];

export function colorFor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** Reads a theme colour from the stylesheet, so canvas text follows light and dark like the rest. */
export function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}
