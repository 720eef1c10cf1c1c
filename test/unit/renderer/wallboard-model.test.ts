import { describe, expect, it } from 'vitest';
import type { Incident } from '@shared/model/alerts';
import { incidentStateText, wallboardIncidents } from '../../../renderer/src/features/alerts/wallboard-model';

const now = 1_760_000_000_000;
const incident = (id: string, patch: Partial<Incident> = {}): Incident => ({
  id,
  key: `startup-time:${id}`,
  ruleId: 'startup-time',
  sourceId: id,
  sourceName: `Source ${id}`,
  severity: 'warning',
  state: 'firing',
  startedAt: now - 60_000,
  endedAt: null,
  values: {},
  message: '',
  acknowledged: false,
  snoozedUntil: null,
  ...patch,
});

describe('wall board incidents', () => {
  it('says whether someone already handled each one', () => {
    expect(incidentStateText(incident('a'), now)).toBe('firing, not handled');
    expect(incidentStateText(incident('a', { acknowledged: true }), now)).toBe('acknowledged');
    expect(incidentStateText(incident('a', { snoozedUntil: now + 60_000 }), now)).toMatch(/^snoozed until \d\d:\d\d/);
    // A snooze that has run out no longer silences it.
    expect(incidentStateText(incident('a', { snoozedUntil: now - 1 }), now)).toBe('firing, not handled');
  });

  it('puts the unhandled and critical first, names the rule in words, and counts what does not fit', () => {
    const { shown, more } = wallboardIncidents(
      [
        incident('a', { acknowledged: true, severity: 'critical' }),
        incident('b'),
        incident('c', { severity: 'critical' }),
        incident('d', { snoozedUntil: now + 1000 }),
        incident('e'),
      ],
      now,
      4,
    );
    expect(shown.map((line) => line.id)).toEqual(['c', 'b', 'e', 'a']);
    expect(shown[0]!.title).toBe('Source c · Slow startup');
    expect(more).toBe(1);
  });
});
