// Opens a history file the way the app does and prints what came of it as JSON.
// The read-only-folder test runs it as an unprivileged user, since root may write anywhere.
// Usage: tsx test/support/open-history-probe.ts <file>
import { openHistory } from '../../main/history/open-history';

const opened = openHistory({ file: process.argv[2]!, now: Date.now });
process.stdout.write(`${JSON.stringify({ mode: opened.mode, problem: opened.problem })}\n`);
