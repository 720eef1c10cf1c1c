import type { SimResponse } from '../sim-server';
import { problem } from './problems';

/**
 * api.video's paging: `currentPage` from 1, `pageSize` 1–100 (default 25),
 * and a `pagination` object with totals and rel links. A page past the end
 * is simply empty. `LyingPagination` breaks the promise on purpose:
 * 'extra-pages' claims three more pages than exist (they come back empty);
 * 'repeat' ignores `currentPage` and serves page 1 again under any number.
 */
export type LyingPagination = 'off' | 'extra-pages' | 'repeat';

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

export function readPageRequest(query: URLSearchParams): PageRequest | SimResponse {
  const page = Number(query.get('currentPage') ?? '1');
  const pageSize = Number(query.get('pageSize') ?? '25');
  const problems: object[] = [];
  if (!Number.isInteger(page) || page < 1) {
    problems.push({ name: 'currentPage', title: 'This parameter must be an integer greater than or equal to 1.' });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    problems.push({ name: 'pageSize', title: 'This parameter must be an integer between 1 and 100.' });
  }
  if (problems.length === 0) return { page, pageSize };
  return problem(400, 'invalid-query-parameter', 'A query parameter is invalid.', { problems });
}

export function isPageRequest(value: PageRequest | SimResponse): value is PageRequest {
  return 'page' in value;
}

export function paginate<T>(path: string, items: readonly T[], request: PageRequest, lying: LyingPagination) {
  const { page, pageSize } = request;
  const realPages = Math.max(1, Math.ceil(items.length / pageSize));
  const pagesTotal = lying === 'off' ? realPages : realPages + 3;
  const servedPage = lying === 'repeat' ? 1 : page;
  const data = items.slice((servedPage - 1) * pageSize, servedPage * pageSize);
  const uri = (n: number) => `${path}?currentPage=${n}&pageSize=${pageSize}`;
  const links = [
    { rel: 'self', uri: uri(page) },
    { rel: 'first', uri: uri(1) },
    ...(page > 1 ? [{ rel: 'previous', uri: uri(page - 1) }] : []),
    ...(page < pagesTotal ? [{ rel: 'next', uri: uri(page + 1) }] : []),
    { rel: 'last', uri: uri(pagesTotal) },
  ];
  return {
    data,
    pagination: {
      currentPage: page,
      currentPageItems: data.length,
      itemsTotal: lying === 'off' ? items.length : items.length + 3 * pageSize,
      links,
      pageSize,
      pagesTotal,
    },
  };
}
