import type { Session } from '@shared/model/samples';
import type { Patch } from '@shared/model/state';
import { aMinuteLater } from '../pages/held-sessions';
import { FLEET } from '../support/fleet';
import { createHeldHub, HELD_SESSIONS, viewerSeries } from '../support/held-hub';
import { judge, type Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 2: what one steady-state poll sends to the renderer, against a full
 * snapshot, both measured as the bytes the WebSocket bridge would write
 * (UTF-8 JSON in its push / response envelopes; Electron IPC carries the same
 * objects through structured clone, of similar size).
 *
 * A poll here is what the engine does with one answer: `applySample` of the
 * source's whole re-sent session list (1,000 sessions, of which 100 — 1 % of
 * the 10,000 held — ran a minute longer), its last hour of viewer points with
 * one new minute, then `setHealth` with the new lastOkAt. Every patch emitted
 * during the poll counts.
 */
const LIMIT = 0.05;
const POLLS = 30;
const CHANGED = HELD_SESSIONS / 100;
const MINUTE = 60_000;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export async function figure2(): Promise<Row[]> {
  const held = createHeldHub();
  const { hub } = held;
  // What each source's poll re-sends: the very sessions the hub holds, a hundred of them a minute on each time.
  const lists = new Map<string, Session[]>([...held.sessions].map(([id, sessions]) => [id, [...sessions]]));
  const patchBytes: number[] = [];
  const snapshotBytes: number[] = [];
  const ratios: number[] = [];
  const sentOps = new Map<string, number>();
  for (let poll = 0; poll < POLLS; poll++) {
    held.advance(MINUTE);
    const index = poll % FLEET.length;
    const source = FLEET[index]!;
    const list = lists.get(source.id)!;
    // A different hundred each time, so every poll carries real changes.
    const offset = (Math.floor(poll / FLEET.length) * CHANGED) % list.length;
    for (let i = 0; i < CHANGED; i++) list[offset + i] = aMinuteLater(list[offset + i]!);
    const patches: Patch[] = [];
    const off = hub.subscribe((patch) => patches.push(patch));
    hub.applySample(source.id, { viewers: viewerSeries(index, held.now(), 60), sessions: list });
    hub.setHealth(source.id, { status: 'ok' }, held.now());
    off();
    const sent = patches.reduce((sum, payload) => sum + bytes({ type: 'push', channel: 'state:patch', payload }), 0);
    for (const op of patches.flatMap((patch) => patch.ops)) sentOps.set(op.op, (sentOps.get(op.op) ?? 0) + 1);
    const full = bytes({ type: 'response', id: 1, result: { ok: true, value: hub.snapshot() } });
    patchBytes.push(sent);
    snapshotBytes.push(full);
    ratios.push(sent / full);
  }
  const ratio = summarize(ratios);
  return [
    {
      id: '2',
      figure: 2,
      title: `patch bytes per steady-state poll (1 % of ${HELD_SESSIONS.toLocaleString('en-US')} sessions changed)`,
      unit: 'bytes',
      value: summarize(patchBytes),
      baseline: { label: 'full snapshot', value: summarize(snapshotBytes), unit: 'bytes' },
      budget: `≤ ${LIMIT * 100} % of the snapshot`,
      compared: { label: 'largest patch ÷ snapshot, %', value: round(ratio.max * 100, 2), limit: LIMIT * 100 },
      status: judge(ratio.max, LIMIT),
      notes: [
        `ratio per poll: min ${round(ratio.min * 100)} %, median ${round(ratio.median * 100)} %, max ${round(ratio.max * 100)} % over ${POLLS} polls`,
        `ops sent: ${[...sentOps].map(([op, n]) => `${op} ×${n}`).join(', ')}`,
      ],
    },
  ];
}
