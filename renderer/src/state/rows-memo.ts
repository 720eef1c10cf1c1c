/**
 * One remembered result per key (a source id), computed again only when its
 * rows (the same objects, in the same order) or its argument change. An update
 * usually brings sessions of one source: the others' figures need not be
 * counted again over thousands of rows.
 */
export class RowsMemo<Row, Arg, Result> {
  private readonly entries = new Map<string, { rows: readonly Row[]; arg: Arg; result: Result }>();

  /** `compute` is given the result held before, to hand it back when the new one would be equal (memoised views then skip). */
  get(key: string, rows: readonly Row[], arg: Arg, compute: (before: Result | undefined) => Result): Result {
    const held = this.entries.get(key);
    if (held && held.arg === arg && sameItems(held.rows, rows)) return held.result;
    const result = compute(held?.result);
    this.entries.set(key, { rows, arg, result });
    return result;
  }
}

/** The same objects, in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
