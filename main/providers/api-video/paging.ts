import type { SourceError } from '@shared/model/errors';
import { ok, type Result } from '@shared/result';
import type { Query } from './client';
import type { Pagination } from './schema';

export interface Page<T> {
  readonly data: readonly T[];
  readonly pagination?: Pagination | null;
}

export interface Pages<T> {
  readonly items: T[];
  /** Set when reading stopped before the pagination said it was done: why, and what was kept. */
  readonly note: string | null;
}

/** api.video pages from 1; pageSize 1–100 (default 25). We always ask for 100 to need fewest requests. */
export const PAGE_SIZE = 100;

export function pageQuery(page: number, pageSize = PAGE_SIZE): Query {
  return [
    ['currentPage', String(page)],
    ['pageSize', String(pageSize)],
  ];
}

function promisesMore(page: number, pagination: Pagination | null | undefined): boolean {
  if (!pagination) return false;
  const total = pagination.pagesTotal;
  if (typeof total === 'number') return page < total;
  return (pagination.links ?? []).some((link) => link.rel === 'next');
}

/**
 * Reads page after page until the pagination says it is done. The page number
 * is ours to count (the `next` link carries nothing else, and following a
 * server-given URI would let a bad answer send the key elsewhere). A
 * pagination that lies cannot make this loop: an empty page, a page that is
 * not the one asked for, a page repeating the previous one, or the cap each
 * stop the walk, keep what was read and explain in `note`.
 */
export async function readPages<T>(
  what: string,
  fetchPage: (page: number) => Promise<Result<Page<T>, SourceError>>,
  maxPages: number,
): Promise<Result<Pages<T>, SourceError>> {
  const items: T[] = [];
  let previous: string | null = null;
  for (let page = 1; ; page++) {
    const answer = await fetchPage(page);
    if (!answer.ok) return answer;
    const { data, pagination } = answer.value;
    const promised = pagination?.pagesTotal ?? page;
    const kept = `kept the ${items.length} read before`;
    if (page > 1 && data.length === 0) {
      return ok({ items, note: `${what}: page ${page} of ${promised} promised was empty; ${kept}.` });
    }
    const answered = pagination?.currentPage;
    if (typeof answered === 'number' && answered !== page) {
      return ok({ items, note: `${what}: asked for page ${page} but got page ${answered}; ${kept}.` });
    }
    const signature = JSON.stringify(data);
    if (signature === previous) {
      return ok({ items, note: `${what}: page ${page} repeated page ${page - 1}; ${kept}.` });
    }
    previous = signature;
    items.push(...data);
    if (!promisesMore(page, pagination)) return ok({ items, note: null });
    if (page >= maxPages) {
      const of = typeof pagination?.pagesTotal === 'number' ? ` of ${pagination.pagesTotal}` : '';
      return ok({
        items,
        note: `${what}: stopped after ${page} pages${of} (at most ${maxPages} per poll); kept ${items.length}.`,
      });
    }
  }
}
