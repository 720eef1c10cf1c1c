import { isIP } from 'node:net';
import { err, ok, type Result } from '@shared/result';

/** --serve beyond loopback: a team collector. Tokens are always required there. */
export interface Network {
  readonly listen: string;
  /** The data folder whose tokens.json holds the tokens. */
  readonly dataDir: string;
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** --insecure-http: plain HTTP on purpose (a TLS-terminating proxy in front); warned about on every start. */
  readonly insecureHttp: boolean;
  readonly publicUrl?: URL;
}

const NETWORK_FLAGS = ['listen', 'tls-cert', 'tls-key', 'insecure-http', 'public-url'] as const;

/** Null when no network flag is given: loopback, no tokens, exactly as before. */
export function parseNetwork(
  values: Record<string, string | boolean | undefined>,
  dataDir: string,
): Result<Network | null, string> {
  if (!NETWORK_FLAGS.some((flag) => values[flag] !== undefined)) return ok(null);
  const listen = (values.listen as string | undefined) ?? '127.0.0.1';
  if (listen !== 'localhost' && isIP(listen) === 0)
    return err(`--listen wants an IP address such as 0.0.0.0 or 192.168.1.20, got ${JSON.stringify(listen)}.`);
  const certFile = values['tls-cert'] as string | undefined;
  const keyFile = values['tls-key'] as string | undefined;
  if ((certFile === undefined) !== (keyFile === undefined)) return err('Give --tls-cert and --tls-key together.');
  const tls = certFile !== undefined && keyFile !== undefined ? { certFile, keyFile } : undefined;
  const insecureHttp = values['insecure-http'] === true;
  if (tls && insecureHttp) return err('Give either --tls-cert/--tls-key or --insecure-http, not both.');
  if (!tls && !insecureHttp && !isLoopback(listen)) {
    return err(
      `Refusing to serve on ${listen} over plain HTTP: tokens and data would cross the network readable by anyone on the way. ` +
        'Give --tls-cert <file> --tls-key <file>, or --insecure-http if a TLS proxy in front of the collector does the encryption.',
    );
  }
  let publicUrl: URL | undefined;
  const publicText = values['public-url'] as string | undefined;
  if (publicText !== undefined) {
    try {
      publicUrl = new URL(publicText);
    } catch {
      return err(
        `--public-url wants a full address such as https://collector.example.com, got ${JSON.stringify(publicText)}.`,
      );
    }
    if (!/^https?:$/.test(publicUrl.protocol) || publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash)
      return err(
        `--public-url wants only a scheme, host and port such as https://collector.example.com, got ${JSON.stringify(publicText)}.`,
      );
  }
  return ok({ listen, dataDir, insecureHttp, ...(tls ? { tls } : {}), ...(publicUrl ? { publicUrl } : {}) });
}

/** 127.0.0.0/8, ::1 and localhost stay on this machine; every other address reaches the network. */
export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
