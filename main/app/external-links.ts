/**
 * The only pages Streamwatch ever opens in the user's browser: the platforms'
 * own consoles and documentation, which the app links to from a source's
 * settings and from incident details. A link to anything else — whatever a
 * compromised or confused page asks for — is dropped. Add a host here only
 * together with the code that produces links to it.
 */
const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  // NAVER Cloud (VPE Media Analytics)
  'www.ncloud.com',
  'console.ncloud.com',
  'guide.ncloud-docs.com',
  'api.ncloud-docs.com',
  // api.video
  'dashboard.api.video',
  'docs.api.video',
  // Conviva
  'pulse.conviva.com',
  'developer.conviva.com',
  // Zoom Video SDK
  'marketplace.zoom.us',
  'developers.zoom.us',
]);

/** https, no credentials, no explicit port, and an exact host from the list above (no subdomain wildcards). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    ALLOWED_HOSTS.has(parsed.hostname)
  );
}
