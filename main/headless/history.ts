import { SessionsPageRequestSchema, tierFor } from '@shared/model/history';
import type { Core } from '../core/app-core';
import { log } from './log';
import type { Print } from './once';

const PAGE = 500;

/**
 * `--history <sourceId>`: what is stored for one source over a range, as JSON:
 * the viewer series from the tier the range is read from, the health changes,
 * and every stored session that started in the range. Nothing is polled.
 */
export function runHistory(
  core: Core,
  action: { readonly sourceId: string; readonly from: number; readonly to: number },
  print: Print,
): 0 | 1 {
  const { sourceId, from, to } = action;
  const status = core.history.status();
  if (status.mode === 'memory') {
    log('This run keeps no history (--config or --demo without --user-data): the answer is empty.');
  } else if (status.mode === 'failed') {
    log(status.problem ?? 'history is not available');
    return 1;
  }
  const store = core.history.storeOf(sourceId);
  const tierMs = tierFor(to - from);
  const sessions = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = store.sessionsPage(SessionsPageRequestSchema.parse({ from, to, sourceId, offset, limit: PAGE }));
    sessions.push(...page.rows);
    if (page.rows.length < PAGE) break;
  }
  print({
    sourceId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    tierMinutes: tierMs / 60_000,
    points: store.series(sourceId, from, to, tierMs).map((p) => ({ ...p, at: new Date(p.at).toISOString() })),
    health: store.healthChanges(sourceId, from, to).map((c) => ({ at: new Date(c.at).toISOString(), ...c.health })),
    sessions,
  });
  return 0;
}
