import type { Row, Status } from './result';

/**
 * A timing figure is run several times in one bench run, and a budget holds only
 * when its worst repetition meets it: a figure that passes once on a quiet moment
 * and fails the next is not met. Every budget here is an upper bound, so the worst
 * repetition is the one with the largest compared value.
 */
export const TIMING_REPETITIONS = 3;

const SEVERITY: Readonly<Record<Status, number>> = { error: 4, fail: 3, pass: 2, info: 1, skipped: 0 };

export function mergeRepetitions(runs: readonly (readonly Row[])[]): Row[] {
  if (runs.length === 1) return [...runs[0]!];
  const ids = [...new Set(runs.flatMap((rows) => rows.map((row) => row.id)))];
  return ids.map((id) => {
    const reps = runs.map((rows) => rows.find((row) => row.id === id)).filter((row): row is Row => row !== undefined);
    const worst = reps.reduce((a, b) => ((b.compared?.value ?? -Infinity) > (a.compared?.value ?? -Infinity) ? b : a));
    const status = reps.reduce<Status>((s, row) => (SEVERITY[row.status] > SEVERITY[s] ? row.status : s), 'skipped');
    const spread = reps.map((row) => (row.compared ? String(row.compared.value) : row.status)).join(' / ');
    return {
      ...worst,
      status,
      compared: worst.compared
        ? { ...worst.compared, label: `${worst.compared.label}, worst of ${reps.length}` }
        : null,
      notes: [`${reps.length} repetitions, compared value of each: ${spread}`, ...worst.notes],
    };
  });
}

/** Runs a figure `times` times, one after the other, and merges the rows by id. */
export async function repeated(times: number, run: () => Promise<Row[]>): Promise<Row[]> {
  const runs: Row[][] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  return mergeRepetitions(runs);
}
