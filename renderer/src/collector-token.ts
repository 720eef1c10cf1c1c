/**
 * The token a browser shows to a team collector. It arrives once in the
 * address as `#token=…`: a fragment is never sent to any server, so it cannot
 * land in an access log or a proxy's, and it is removed from the address bar
 * (and history) at once. It is then kept in sessionStorage, which ends with
 * the tab. When the collector refuses it, the page asks for one.
 */
const KEY = 'streamwatch.collector-token';
/** Close code of a refused token; kept in step with AUTH_CLOSE_CODE in the protocol module (not imported: zod). */
export const TOKEN_REFUSED_CODE = 4401;

export interface TokenSource {
  current(): string | null;
  /** The collector refused the current token: forget it and ask; null when the person declines. */
  refused(): string | null;
}

export function browserTokenSource(): TokenSource {
  const fromFragment = /(?:^#|&)token=([^&]+)/.exec(location.hash)?.[1];
  if (fromFragment) {
    store(decodeURIComponent(fromFragment));
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  return {
    current: () => sessionStorage.getItem(KEY),
    refused() {
      sessionStorage.removeItem(KEY);
      const entered = window.prompt('This Streamwatch collector needs an access token. Paste yours:')?.trim();
      if (!entered) return null;
      store(entered);
      return entered;
    },
  };
}

function store(token: string): void {
  sessionStorage.setItem(KEY, token);
}
