import type { SoakResult } from '../engine/soak';
import type { MeterReport } from '../support/request-meter';
import type { Row, Status } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 9: requests each simulated platform account received from the
 * engine at default settings during the soak, against the limits documented
 * in docs/platforms.md. "Worst" is the most requests in any
 * sliding window of the limit's own length (what the platform's limiter
 * sees); the budget is half the documented limit.
 */
interface Limit {
  readonly id: string;
  readonly title: string;
  /** Meter keys (one per account); the worst of them is compared. */
  readonly keys: (meters: Record<string, MeterReport>) => string[];
  readonly documented: number | null;
  readonly per: string;
  /** 'window': worst sliding window; 'day': requests per 24 h. */
  readonly measure: 'window' | 'day';
  readonly source: string;
}

const keysMatching = (test: (key: string) => boolean) => (meters: Record<string, MeterReport>) =>
  Object.keys(meters).filter(test);

const LIMITS: readonly Limit[] = [
  {
    id: '9a',
    title: 'NAVER VPE, per account',
    keys: keysMatching((k) => /^naver-vpe-\d\.sim$/.test(k)),
    documented: null,
    per: 'minute',
    measure: 'window',
    source: 'no rate limit is documented',
  },
  {
    id: '9b',
    title: 'api.video production, per account',
    keys: keysMatching((k) => k.startsWith('ws.api-video')),
    documented: 500,
    per: 'minute',
    measure: 'window',
    source: 'reads: 500 per minute (production)',
  },
  {
    id: '9c',
    title: 'api.video sandbox, per account',
    keys: keysMatching((k) => k.startsWith('sandbox.api-video')),
    documented: 100,
    per: 'minute',
    measure: 'window',
    source: 'reads: 100 per minute (sandbox)',
  },
  {
    id: '9d',
    title: 'Conviva, per account (real-time + sessions)',
    keys: keysMatching((k) => /^conviva-\d\.sim$/.test(k)),
    documented: 400,
    per: 'minute',
    measure: 'window',
    source:
      'historical + sessions 400 and real-time 500 per minute per account: the lower one, against both kinds together',
  },
  {
    id: '9e',
    title: 'Conviva, per IP (all three accounts)',
    keys: keysMatching((k) => k === 'conviva per IP'),
    documented: 3000,
    per: '5 minutes',
    measure: 'window',
    source: '3,000 requests per 5 minutes per IP',
  },
  {
    id: '9f',
    title: 'Zoom Video SDK, list sessions ("Resource-intensive"), per account',
    keys: keysMatching((k) => k.endsWith(' listing')),
    documented: 10,
    per: 'minute',
    measure: 'window',
    source: '10 per minute on Pro-level plans (the default plan)',
  },
  {
    id: '9g',
    title: 'Zoom Video SDK, daily cap (listing + heavy), per account',
    keys: keysMatching((k) => k.endsWith(' listing')),
    documented: 30_000,
    per: 'day',
    measure: 'day',
    source: '30,000 per day (Pro), shared with "Heavy" calls',
  },
];

export function figure9(soak: SoakResult): Row[] {
  const dayScale = 24 / soak.hours;
  return LIMITS.map((limit): Row => {
    const keys = limit.keys(soak.meters);
    const reports = keys.map((key) => soak.meters[key]!);
    if (reports.length === 0) {
      return {
        id: limit.id,
        figure: 9,
        title: `requests: ${limit.title}`,
        unit: '',
        value: null,
        baseline: null,
        budget: '',
        compared: null,
        status: 'error',
        notes: ['no requests reached this simulator'],
      };
    }
    const worst =
      limit.measure === 'day'
        ? Math.max(...reports.map((r) => r.total * dayScale))
        : Math.max(...reports.map((r) => r.worstWindow));
    const perMinute = summarize(reports.flatMap((r) => r.perMinute));
    const budget = limit.documented === null ? null : limit.documented / 2;
    const status: Status = budget === null ? 'info' : worst <= budget ? 'pass' : 'fail';
    return {
      id: limit.id,
      figure: 9,
      title: `requests: ${limit.title}`,
      unit: 'requests per clock minute',
      value: perMinute,
      baseline:
        limit.documented === null
          ? null
          : { label: `documented limit per ${limit.per}`, value: summarize([limit.documented]), unit: 'requests' },
      budget:
        budget === null
          ? 'none documented'
          : `≤ 50 % of the limit (${budget.toLocaleString('en-US')} per ${limit.per})`,
      compared:
        budget === null
          ? null
          : {
              label: `${limit.measure === 'day' ? 'requests per 24 h' : `worst ${limit.per}`}, ${keys.length > 1 ? 'worst account' : limit.id === '9e' ? 'all accounts together' : 'the account'}`,
              value: round(worst, 0),
              limit: budget,
            },
      status,
      notes: [
        `${limit.source}; ${keys.length} account${keys.length === 1 ? '' : 's'} over ${soak.hours} simulated hours`,
        `worst ${limit.per === 'day' ? 'minute' : limit.per}: ${reports.map((r) => r.worstWindow).join(' / ')}; totals: ${reports.map((r) => r.total.toLocaleString('en-US')).join(' / ')}`,
        ...(budget === null ? [`worst minute ${Math.max(...reports.map((r) => r.worstWindow))} requests`] : []),
      ],
    };
  });
}
