import type { AlertsService } from '../core/alerts-service';
import { evaluate } from '../engine/alerts/evaluate';
import type { Engine } from '../engine/types';
import { log } from './log';
import { exitCodeFor, sessionDetailJson, snapshotJson } from './snapshot-json';

export type Print = (json: unknown) => void;

/** `--once`: every endpoint of every source once, then one snapshot. Exit 0 all answered, 2 any failed. */
export async function runOnce(engine: Engine, print: Print, alerts?: Pick<AlertsService, 'rules'>): Promise<0 | 2> {
  await engine.pollOnce();
  const snapshot = engine.hub.snapshot();
  const json = snapshotJson(snapshot, (sourceId, sessionId) => engine.hub.session(sourceId, sessionId)?.events ?? null);
  for (const source of json.sources) if (source.error) log(`${source.id}: ${source.error.message}`);
  // One poll cannot wait out a rule's pending time, so --once lists the conditions over their thresholds now.
  const incidents = alerts
    ? evaluate(alerts.rules(), snapshot, snapshot.generatedAt)
        .filter((condition) => condition.level === 'firing')
        .map(({ ruleId, sourceId, severity, message, values }) => ({ ruleId, sourceId, severity, message, values }))
    : [];
  print({ ...json, incidents });
  return exitCodeFor(json);
}

/**
 * `--session`: platforms with a detail endpoint (NAVER) answer straight
 * away; for the others the session must first be seen in a poll, so a miss
 * polls once and asks again.
 */
export async function runSession(engine: Engine, sourceId: string, sessionId: string, print: Print): Promise<0 | 2> {
  let detail = await engine.sessionDetail(sourceId, sessionId);
  if (!detail.ok) {
    await engine.pollOnce();
    detail = await engine.sessionDetail(sourceId, sessionId);
  }
  if (!detail.ok) {
    log(`${sourceId}: ${detail.error.message}`);
    return 2;
  }
  print(sessionDetailJson(detail.value));
  return 0;
}
