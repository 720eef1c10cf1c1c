// A second process on a history file, for the fault tests: it opens the file the
// way the app does and then writes readings without pause until it is killed.
// Usage: tsx test/support/history-writer.ts <file>
import { openHistory } from '../../main/history/open-history';

const file = process.argv[2]!;
const opened = openHistory({ file, now: Date.now });
if (opened.mode !== 'saving') {
  process.stdout.write(`refused ${opened.problem}\n`);
  process.exit(3);
}
let at = Date.parse('2026-01-01T00:00:00Z');
let written = 0;
for (;;) {
  const points = Array.from({ length: 50 }, () => ({ at: (at += 1_000), viewers: at % 997 }));
  opened.store.write({ points: [{ sourceId: 'a', points }], sessions: [], health: [], incidents: [] });
  written += points.length;
  // The parent reads this to know writes are under way, and how far they had got.
  if (written % 5_000 === 0) process.stdout.write(`written ${written}\n`);
}
