import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok } from '@shared/result';
import type { Http, HttpRequest } from '../../../../main/providers/http';
import { NaverOptionsSchema, naverVpeProvider, type NaverOptions } from '../../../../main/providers/naver-vpe/index';
import type { ResolvedSource } from '../../../../main/providers/provider';

const text = (name: string) => readFileSync(new URL(`../../../fixtures/naver-vpe/${name}`, import.meta.url), 'utf8');

/** Answers by path, like NAVER would, and records what was asked. */
function routedHttp(routes: Record<string, string>): Http & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      const path = new URL(request.url).pathname;
      return ok({
        status: 200,
        headers: new Headers(),
        text: routes[path] ?? '{"error":{"errorCode":"300","message":"Not Found"}}',
      });
    },
  };
}

function source(
  options: Partial<NaverOptions> = {},
  secrets: Record<string, string> = { apiKey: 'k-123456', projectId: 'p-123456' },
): ResolvedSource<NaverOptions> {
  return {
    id: 'naver-1',
    name: 'NAVER',
    baseUrl: 'https://ma.example',
    options: NaverOptionsSchema.parse(options),
    secrets,
  };
}

const routes = {
  '/v1/charts/currentViewers': text('current-viewers.seed.json'),
  '/v1/sessionRecent': text('session-recent.seed.json'),
  '/v1/sessionRecent/ad5aea06-fb78-41c7-b2ad-716b685e32db': text('session-detail.json'),
};
const signal = new AbortController().signal;

describe('naverVpeProvider', () => {
  it('describes itself: metric, secret fields and form fields', () => {
    expect(naverVpeProvider.kind).toBe('naver-vpe');
    expect(naverVpeProvider.defaultBaseUrl).toBe('https://ma-dashboard-api.vpe.naverncp.com');
    expect(naverVpeProvider.metric).toEqual({
      label: 'NAVER current viewers',
      unit: 'viewers',
      definition: 'Viewers counted by the VPE player in each minute (Media Analytics currentViewers)',
    });
    expect(naverVpeProvider.secretFields).toEqual(['apiKey', 'projectId']);
    const byKey = Object.fromEntries(naverVpeProvider.fields.map((field) => [field.key, field]));
    expect(byKey.apiKey).toMatchObject({ label: 'API key', secret: true });
    expect(byKey.projectId).toMatchObject({ label: 'Company ID (x-project-id)', secret: true });
    expect(byKey.device).toMatchObject({ kind: 'select', choices: ['PC', 'Mobile', 'PC,Mobile'], secret: false });
    expect(byKey.videoType).toMatchObject({ kind: 'select', choices: ['VOD', 'LIVE', 'VOD,LIVE'] });
    expect(byKey.timeZone).toMatchObject({ kind: 'text', defaultValue: 'UTC' });
    expect(byKey.sessionLimit).toMatchObject({ kind: 'number', defaultValue: 100 });
  });

  it('parses options with defaults and rejects bad ones', () => {
    expect(NaverOptionsSchema.parse({})).toEqual({
      device: 'PC,Mobile',
      videoType: 'VOD,LIVE',
      timeZone: 'UTC',
      sessionLimit: 100,
    });
    expect(NaverOptionsSchema.parse({ sessionLimit: '20', timeZone: 'Asia/Seoul' })).toMatchObject({
      sessionLimit: 20,
      timeZone: 'Asia/Seoul',
    });
    expect(NaverOptionsSchema.safeParse({ timeZone: 'Seoul' }).success).toBe(false);
    expect(NaverOptionsSchema.safeParse({ sessionLimit: 101 }).success).toBe(false);
    expect(NaverOptionsSchema.safeParse({ sessionLimit: 0 }).success).toBe(false);
    expect(NaverOptionsSchema.safeParse({ device: 'Tablet' }).success).toBe(false);
  });

  it('polls viewers and sessions every 60 s, with the options in the query', async () => {
    const http = routedHttp(routes);
    const connection = naverVpeProvider.connect(source({ device: 'PC', videoType: 'LIVE', sessionLimit: 10 }), {
      http,
      now: () => 0,
    });
    expect(connection.endpoints.map((endpoint) => [endpoint.name, endpoint.intervalMs])).toEqual([
      ['viewers', 60_000],
      ['sessions', 60_000],
    ]);
    const viewers = await connection.endpoints[0]!.poll(signal);
    const sessions = await connection.endpoints[1]!.poll(signal);
    expect(viewers.ok && viewers.value.viewers?.length).toBe(6);
    expect(sessions.ok && sessions.value.sessions?.[0]).toMatchObject({
      id: 'ad5aea06-fb78-41c7-b2ad-716b685e32db',
      videoType: 'LIVE',
    });
    expect(http.requests.map((request) => request.url)).toEqual([
      'https://ma.example/v1/charts/currentViewers?device=PC&videoType=LIVE',
      'https://ma.example/v1/sessionRecent?device=PC&videoType=LIVE&limit=10',
    ]);
  });

  it('tests a connection in one sentence', async () => {
    const connection = naverVpeProvider.connect(source(), { http: routedHttp(routes), now: () => 0 });
    expect(await connection.testConnection(signal)).toEqual({
      ok: true,
      value: 'Connected: 0 viewers now, 1 recent session',
    });
  });

  it('reports the first failure from a connection test', async () => {
    const http = routedHttp({ ...routes, '/v1/charts/currentViewers': text('error.not-subscribed.json') });
    const result = await naverVpeProvider.connect(source(), { http, now: () => 0 }).testConnection(signal);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'auth',
        message: 'NAVER VPE · Unauthorized: the Media Analytics service is not subscribed for this Company ID.',
      },
    });
  });

  it('fetches a session detail by uuid', async () => {
    const connection = naverVpeProvider.connect(source(), { http: routedHttp(routes), now: () => 0 });
    const detail = await connection.sessionDetail!('ad5aea06-fb78-41c7-b2ad-716b685e32db', signal);
    expect(detail.ok && detail.value).toMatchObject({
      id: 'ad5aea06-fb78-41c7-b2ad-716b685e32db',
      failed: true,
      country: 'KR',
    });
    const missing = await connection.sessionDetail!('nope', signal);
    expect(missing).toMatchObject({ ok: false, error: { kind: 'provider', code: '300' } });
  });

  it('says which secret is missing without sending anything', async () => {
    const http = routedHttp(routes);
    const connection = naverVpeProvider.connect(source({}, { apiKey: 'k-123456' }), { http, now: () => 0 });
    const result = await connection.endpoints[0]!.poll(signal);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config', message: 'NAVER VPE · the Company ID is missing.' },
    });
    expect(http.requests).toHaveLength(0);
  });
});
