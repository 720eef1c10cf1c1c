import { describe, expect, it } from 'vitest';
import { checkReceiverUrl } from '../../../main/routing/url-policy';

describe('receiver URL policy', () => {
  it.each([
    'https://hooks.slack.com/services/T/B/x',
    'http://127.0.0.1:8080/in',
    'http://localhost/in',
    'http://[::1]:9/in',
  ])('accepts %s', (url) => {
    expect(checkReceiverUrl(url).ok).toBe(true);
  });
  it.each([
    ['http://hooks.example.com/in', 'must use https'],
    ['http://10.0.0.5/in', 'must use https'],
    ['ftp://x.example/in', 'must use https'],
    ['https://user:pw@x.example/in', 'user name or password'],
    ['not a url', 'not a valid URL'],
  ])('refuses %s', (url, why) => {
    const checked = checkReceiverUrl(url);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(why);
  });
});
