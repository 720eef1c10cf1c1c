import { describe, it } from 'vitest';
import type { Fault } from '../../../main/demo/sim-server';
import type { ErrorKind } from '@shared/model/errors';
import { expectError, expectOthersOnTime, expectRecovery, expectWithinBudget, MINUTE } from './support/checks';
import { during, expectCleanStop, useFleets } from './support/lifecycle';

interface Case {
  readonly name: string;
  readonly source: string;
  readonly fault: Fault;
  readonly kind: ErrorKind;
  /** The sentence in the source's row. */
  readonly text: RegExp;
}

/**
 * Answers that arrive but cannot be used. Each goes to a different platform,
 * since each provider words its own errors.
 */
const cases: readonly Case[] = [
  {
    name: 'HTTP 500 with an HTML page',
    source: 'api-video',
    fault: { type: 'html-error', status: 500 },
    kind: 'http',
    text: /^api\.video server error \(500\): 500 Internal Server Error\.$/,
  },
  {
    name: 'HTTP 502 with an HTML page',
    source: 'naver-a',
    fault: { type: 'html-error', status: 502 },
    kind: 'http',
    text: /^NAVER VPE server error \(502\): 502 Bad Gateway\.$/,
  },
  {
    name: 'a body that is not JSON',
    source: 'conviva',
    fault: { type: 'not-json' },
    kind: 'schema',
    text: /^Conviva sent a body that is not JSON \("upstream maintenance"\)\.$/,
  },
  {
    name: 'a truncated body',
    source: 'naver-b',
    fault: { type: 'truncated' },
    kind: 'schema',
    text: /^NAVER VPE sent a body that is not JSON \("\{"code":200,.*…"\)\.$/,
  },
  {
    name: 'a valid body with a changed field type (NAVER: a count became an object)',
    source: 'naver-a',
    fault: { type: 'changed-type', path: ['result', 0, 'currentViewerCnt'], value: { count: 12 } },
    kind: 'schema',
    text: /^NAVER VPE sent an unexpected answer: field result\[0\]\.currentViewerCnt — .+\.$/,
  },
  {
    name: 'a valid body with a changed field type (Conviva: the series became a string)',
    source: 'conviva',
    fault: { type: 'changed-type', path: ['time_series'], value: 'unavailable' },
    kind: 'schema',
    text: /^Conviva sent an unexpected answer: field time_series — .+\.$/,
  },
];

describe('answers that cannot be used', () => {
  const fleets = useFleets();

  it.each(cases)('$name: a $kind error in words, the others unaffected, then recovery', async (c) => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, c.source, c.fault, 5 * MINUTE);
    expectError(fleet, c.source, c.kind, c.text);
    expectOthersOnTime(fleet, [c.source]);
    expectWithinBudget(fleet, c.source, from, to);
    await fleet.fault(c.source, null);
    await expectRecovery(fleet, c.source, to);
    await expectCleanStop(fleet, fleets.rejections);
  });
});
