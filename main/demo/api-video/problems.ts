import type { SimResponse } from '../sim-server';

/** api.video's error bodies: `type` is a link to its docs, then title, status and optional detail/problems. */
export function problem(
  status: number,
  slug: string,
  title: string,
  extra: {
    readonly detail?: string;
    readonly problems?: readonly object[];
    readonly headers?: Record<string, string>;
  } = {},
): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
    body: {
      type: `https://docs.api.video/reference/${slug}`,
      title,
      status,
      ...(extra.detail ? { detail: extra.detail } : {}),
      ...(extra.problems ? { problems: extra.problems } : {}),
    },
  };
}
