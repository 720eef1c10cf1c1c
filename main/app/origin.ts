/**
 * Where the renderer comes from. The built renderer is served from a
 * privileged `app://streamwatch` scheme (see app-protocol.ts) rather than
 * file://, because a standard scheme with a host gives the page a real,
 * unique origin: navigation and IPC checks can compare against it, the page's
 * absolute asset paths (`/assets/x.js`) resolve, and file:// pages do not get
 * the whole disk as their origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'streamwatch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as "scheme://host[:port]", or null when it has none we
 * would ever trust. Computed by hand rather than with `URL.origin`: the WHATWG
 * parser gives every non-special scheme (our `app:`) the opaque origin "null",
 * so `.origin` would make every app URL equal to every other. URLs carrying
 * credentials (`app://streamwatch@evil.com`, `https://app@evil.com`) and
 * host-less ones (`javascript:`, `data:`, `file:///etc/passwd`) have none.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** A predicate "is this URL on the app's own origin?", compared parsed, never by string prefix. */
export function sameOriginAs(appOrigin: string): (url: string) => boolean {
  const expected = originOf(appOrigin);
  if (expected === null) throw new Error(`Not an origin: ${appOrigin}`);
  return (url) => originOf(url) === expected;
}
