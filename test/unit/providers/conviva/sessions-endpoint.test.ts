import { describe, expect, it } from 'vitest';
import type { HttpAnswer, HttpRequest, Http } from '../../../../main/providers/http';
import { createConvivaClient } from '../../../../main/providers/conviva/client';
import { ConvivaOptionsSchema } from '../../../../main/providers/conviva/options';
import {
  createSessionsState,
  fetchSessionDetail,
  sessionsEndpoint,
} from '../../../../main/providers/conviva/sessions-endpoint';
import { ok } from '@shared/result';

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-10T20:00:00Z');
const signal = new AbortController().signal;

type Reply = (params: URLSearchParams) => { status: number; body: unknown };

/** An Http that answers from a function and records every query. */
function fakeHttp(reply: Reply) {
  const asked: URLSearchParams[] = [];
  const http: Http = {
    async send(request: HttpRequest) {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const { status, body } = reply(params);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return ok<HttpAnswer>({ status, text, headers: new Headers() });
    },
  };
  return { http, asked };
}

function setup(reply: Reply, rawOptions: Record<string, unknown> = {}) {
  let now = T0;
  const { http, asked } = fakeHttp(reply);
  const options = ConvivaOptionsSchema.parse(rawOptions);
  const client = createConvivaClient({
    http,
    baseUrl: 'https://api.conviva.com/insights/3.0/',
    clientId: 'id',
    clientSecret: 's',
    now: () => now,
  });
  const deps = { client, options, sourceId: 'cv', now: () => now };
  const state = createSessionsState(options);
  return { endpoint: sessionsEndpoint(deps, state), deps, state, asked, advance: (ms: number) => (now += ms) };
}

const session = (id: string, end = T0 - 10 * MINUTE) => ({
  session_id: id,
  start_time: end - MINUTE,
  end_time: end,
  is_video_start_failure: 'false',
});

describe('Conviva sessions endpoint', () => {
  it('falls back to limit=500 when the account refuses more, and remembers it', async () => {
    const { endpoint, asked, advance } = setup((params) =>
      Number(params.get('limit')) > 500
        ? { status: 400, body: { message: 'limit must not exceed 500' } }
        : { status: 200, body: { sessions: [session('a')] } },
    );
    const first = await endpoint.poll(signal);
    expect(first).toMatchObject({ ok: true, value: { sessions: [{ id: 'a' }] } });
    expect(first.ok && first.value.notes).toContain(
      'Conviva refused limit=1500 for this account; using 500 from now on.',
    );
    expect(asked.map((p) => p.get('limit'))).toEqual(['1500', '500']);
    advance(5 * MINUTE);
    await endpoint.poll(signal);
    expect(asked.map((p) => p.get('limit'))).toEqual(['1500', '500', '500']);
  });

  it('halves the limit after a 413', async () => {
    const { endpoint, asked } = setup((params) =>
      Number(params.get('limit')) > 700
        ? { status: 413, body: 'Request Entity Too Large' }
        : { status: 200, body: { sessions: [] } },
    );
    expect((await endpoint.poll(signal)).ok).toBe(true);
    expect(asked.map((p) => p.get('limit'))).toEqual(['1500', '750', '375']);
  });

  it('de-duplicates by session id across windows and polls', async () => {
    const { endpoint, advance } = setup(() => ({
      status: 200,
      body: { sessions: [session('a'), session('a'), session('b')] },
    }));
    const first = await endpoint.poll(signal);
    expect(first.ok && first.value.sessions?.map((s) => s.id)).toEqual(['a', 'b']);
    advance(5 * MINUTE);
    const second = await endpoint.poll(signal);
    expect(second.ok && second.value.sessions).toEqual([]);
  });

  it('keeps the cursor on failure, so the same window is asked for again', async () => {
    let fail = true;
    const { endpoint, asked } = setup(() =>
      fail ? { status: 503, body: { message: 'Service Unavailable' } } : { status: 200, body: { sessions: [] } },
    );
    expect(await endpoint.poll(signal)).toMatchObject({ ok: false, error: { kind: 'http', status: 503 } });
    fail = false;
    await endpoint.poll(signal);
    expect(asked[1]!.get('start_epoch_ms')).toBe(asked[0]!.get('start_epoch_ms'));
    expect(asked[1]!.get('end_epoch_ms')).toBe(asked[0]!.get('end_epoch_ms'));
  });

  it('delivers the windows fetched before a later one fails, and says it will retry', async () => {
    let calls = 0;
    const { endpoint, state, advance, asked } = setup(() =>
      ++calls === 3 ? { status: 429, body: '' } : { status: 200, body: { sessions: [session(`s${calls}`)] } },
    );
    await endpoint.poll(signal);
    advance(7 * 60 * MINUTE); // three windows due: the second of them fails
    const result = await endpoint.poll(signal);
    expect(result.ok && result.value.sessions?.map((s) => s.id)).toEqual(['s2']);
    expect(result.ok && result.value.notes?.[0]).toMatch(
      /^Conviva sessions for .* will be asked for again: Conviva rate limit reached \(429\)/,
    );
    expect(state.cursor).toBe(Number(asked[1]!.get('end_epoch_ms')));
    await endpoint.poll(signal);
    expect(asked[3]!.get('start_epoch_ms')).toBe(asked[2]!.get('start_epoch_ms'));
  });

  it('sends failure, dimension and tag filters with every window', async () => {
    const { endpoint, asked } = setup(() => ({ status: 200, body: { sessions: [] } }), {
      failureFilters: ['is_video_playback_failure_tech=true'],
      dimensionFilters: { device_os: 'iOS' },
      tagFilters: ['league=premier'],
      limit: 200,
    });
    await endpoint.poll(signal);
    const params = asked[0]!;
    expect(params.get('is_video_playback_failure_tech')).toBe('true');
    expect(params.get('device_os')).toBe('iOS');
    expect(params.get('tag_league')).toBe('premier');
    expect(params.get('limit')).toBe('200');
  });

  it('turns a body that is not JSON into a schema error', async () => {
    const { endpoint } = setup(() => ({ status: 200, body: 'upstream maintenance' }));
    expect(await endpoint.poll(signal)).toMatchObject({ ok: false, error: { kind: 'schema', path: '(body)' } });
  });

  it('looks a session up by id in a bounded number of windows', async () => {
    const { deps, state, asked } = setup(() => ({ status: 200, body: { sessions: [] } }));
    const missing = await fetchSessionDetail(deps, state, 'nope', signal);
    expect(missing).toMatchObject({
      ok: false,
      error: { kind: 'provider', message: 'Conviva has no content session nope in the last 12 hours.' },
    });
    expect(asked).toHaveLength(4);
    expect(asked.every((p) => p.get('session_id') === 'nope')).toBe(true);
  });
});
