/**
 * Headless logs go to stderr, always: stdout carries only the JSON a script
 * reads, so `npm run headless -- --demo --once | jq` never sees a log line.
 */
export function log(message: string): void {
  process.stderr.write(`streamwatch: ${message}\n`);
}
