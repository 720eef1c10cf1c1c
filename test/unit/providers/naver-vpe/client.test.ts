import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceError } from '@shared/model/errors';
import { ok, type Result } from '@shared/result';
import type { Http, HttpAnswer, HttpRequest } from '../../../../main/providers/http';
import { createNaverClient, judge } from '../../../../main/providers/naver-vpe/client';
import { CurrentViewersResponseSchema, SessionRecentResponseSchema } from '../../../../main/providers/naver-vpe/schema';

const text = (name: string) => readFileSync(new URL(`../../../fixtures/naver-vpe/${name}`, import.meta.url), 'utf8');
const answer = (body: string, status = 200, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  text: body,
  headers: new Headers(headers),
});

function failure<T>(result: Result<T, SourceError>): SourceError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('judging NAVER answers (errors arrive inside HTTP 200)', () => {
  it('accepts the seed examples', () => {
    expect(judge(answer(text('session-recent.seed.json')), SessionRecentResponseSchema, 0).ok).toBe(true);
    expect(judge(answer(text('current-viewers.seed.json')), CurrentViewersResponseSchema, 0).ok).toBe(true);
  });

  it('an error object with the gateway code 200 "Authentication Failed" is an auth failure, not a success', () => {
    const error = failure(judge(answer(text('error.authentication-failed.json')), CurrentViewersResponseSchema, 0));
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('200');
    expect(error.message).toMatch(/^NAVER VPE · Authentication Failed/);
    expect(error.message).toContain('API key or Company ID was refused');
  });

  it('message "Unauthorized" means the Media Analytics service is not subscribed', () => {
    for (const name of ['error.not-subscribed.json', 'error.not-subscribed.code-401.json']) {
      const error = failure(judge(answer(text(name)), CurrentViewersResponseSchema, 0));
      expect(error.kind).toBe('auth');
      expect(error.message).toBe(
        'NAVER VPE · Unauthorized: the Media Analytics service is not subscribed for this Company ID.',
      );
    }
  });

  it('another error object is a provider error with its code and message', () => {
    const error = failure(judge(answer(text('error.provider.json')), SessionRecentResponseSchema, 0));
    expect(error).toMatchObject({ kind: 'provider', code: 'E4100' });
    expect(error.message).toBe('NAVER VPE · error (code E4100): Invalid parameter: videoType.');
  });

  it('a code other than 200 is a failure even with a result', () => {
    const error = failure(judge(answer(text('error.code-500.json')), SessionRecentResponseSchema, 0));
    expect(error).toMatchObject({ kind: 'provider', code: '500' });
    expect(error.message).toContain('Internal Server Error');
    expect(failure(judge(answer('{"code":"403","message":"Forbidden"}'), SessionRecentResponseSchema, 0)).kind).toBe(
      'auth',
    );
  });

  it('non-2xx statuses are judged by status', () => {
    expect(
      failure(judge(answer('<html><title>Bad Gateway</title></html>', 502), SessionRecentResponseSchema, 0)),
    ).toMatchObject({
      kind: 'http',
      status: 502,
      message: 'NAVER VPE server error (502): Bad Gateway.',
    });
    expect(failure(judge(answer('{"message":"no"}', 401), SessionRecentResponseSchema, 0)).kind).toBe('auth');
    expect(failure(judge(answer('', 429, { 'retry-after': '30' }), SessionRecentResponseSchema, 1000))).toMatchObject({
      kind: 'rate-limited',
      retryAt: 31_000,
    });
  });

  it('a body that is not JSON is a schema error', () => {
    const error = failure(judge(answer('upstream maintenance'), SessionRecentResponseSchema, 0));
    expect(error).toMatchObject({ kind: 'schema', path: '(body)' });
    expect(error.message).toContain('not JSON');
  });

  it('a wrong field type is a schema error naming the field path', () => {
    const error = failure(judge(answer(text('malformed.wrong-type.json')), SessionRecentResponseSchema, 0));
    expect(error).toMatchObject({ kind: 'schema', path: 'result[0].sessionLog[1].actionDuration' });
    expect(error.message).toContain('result[0].sessionLog[1].actionDuration');
    expect(failure(judge(answer(text('malformed.missing-uuid.json')), SessionRecentResponseSchema, 0)).path).toBe(
      'result[0].uuid',
    );
    expect(failure(judge(answer(text('malformed.bad-log-date.json')), CurrentViewersResponseSchema, 0)).path).toBe(
      'result[0].logDate',
    );
    expect(failure(judge(answer(text('malformed.no-code.json')), CurrentViewersResponseSchema, 0)).path).toBe('code');
    expect(failure(judge(answer('[]'), CurrentViewersResponseSchema, 0))).toMatchObject({
      kind: 'schema',
      path: '(body)',
    });
  });
});

describe('NAVER client requests', () => {
  function fakeHttp(body: string): Http & { requests: HttpRequest[] } {
    const requests: HttpRequest[] = [];
    return {
      requests,
      async send(request) {
        requests.push(request);
        return ok(answer(body));
      },
    };
  }

  it('sends both auth headers and NAVER-style query strings', async () => {
    const http = fakeHttp(text('session-recent.seed.json'));
    const client = createNaverClient({
      http,
      now: () => 0,
      baseUrl: 'https://ma.example/',
      apiKey: 'key-1234',
      projectId: 'proj-5678',
    });
    await client.sessionRecent({ device: 'PC,Mobile', videoType: 'VOD', limit: 25 });
    await client.currentViewers({ device: 'Mobile', videoType: 'VOD,LIVE' });
    await client.sessionDetail('a/b c');
    expect(http.requests.map((request) => request.url)).toEqual([
      'https://ma.example/v1/sessionRecent?device=PC,Mobile&videoType=VOD&limit=25',
      'https://ma.example/v1/charts/currentViewers?device=Mobile&videoType=VOD,LIVE',
      'https://ma.example/v1/sessionRecent/a%2Fb%20c',
    ]);
    expect(http.requests[0]!.headers).toMatchObject({ 'x-api-key': 'key-1234', 'x-project-id': 'proj-5678' });
  });

  it('never puts a secret into an error message, even when the server echoes it', async () => {
    const http = fakeHttp('{"error":{"errorCode":"200","message":"Authentication Failed for key secret-key-42"}}');
    const client = createNaverClient({
      http,
      now: () => 0,
      baseUrl: 'https://ma.example',
      apiKey: 'secret-key-42',
      projectId: 'company-9',
    });
    const error = failure(await client.currentViewers({ device: 'PC', videoType: 'VOD' }));
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain('secret-key-42');
  });

  it('passes network errors through unchanged', async () => {
    const http: Http = {
      send: async () => ({ ok: false, error: { kind: 'network', message: 'Could not reach ma.example.' } }),
    };
    const client = createNaverClient({
      http,
      now: () => 0,
      baseUrl: 'https://ma.example',
      apiKey: 'k',
      projectId: 'p',
    });
    expect(failure(await client.currentViewers({ device: 'PC', videoType: 'VOD' })).kind).toBe('network');
  });
});
