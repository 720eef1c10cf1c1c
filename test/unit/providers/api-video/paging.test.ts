import { describe, expect, it } from 'vitest';
import { readPages, type Page } from '../../../../main/providers/api-video/paging';
import { sourceError } from '@shared/model/errors';
import { err, ok } from '@shared/result';

/** Pages served from a list; `answer` may bend what each requested page returns. */
function pages(items: number[], size: number, answer?: (page: number) => Page<number>) {
  const asked: number[] = [];
  const pagesTotal = Math.ceil(items.length / size);
  const fetchPage = async (page: number) => {
    asked.push(page);
    return ok(
      answer?.(page) ?? {
        data: items.slice((page - 1) * size, page * size),
        pagination: { currentPage: page, pagesTotal, links: page < pagesTotal ? [{ rel: 'next', uri: 'x' }] : [] },
      },
    );
  };
  return { asked, fetchPage };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('api.video paging', () => {
  it('reads to the last page and stops there', async () => {
    const p = pages(range(230), 100);
    const read = await readPages('things', p.fetchPage, 10);
    expect(read).toEqual({ ok: true, value: { items: range(230), note: null } });
    expect(p.asked).toEqual([1, 2, 3]);
  });

  it('treats an answer without pagination as the only page', async () => {
    const p = pages([], 1, () => ({ data: [1, 2] }));
    expect(await readPages('things', p.fetchPage, 10)).toEqual({ ok: true, value: { items: [1, 2], note: null } });
    expect(p.asked).toEqual([1]);
  });

  it('follows a next link when pagesTotal is missing', async () => {
    const p = pages([], 1, (page) => ({
      data: [page],
      pagination: { currentPage: page, links: page < 3 ? [{ rel: 'next', uri: 'x' }] : [{ rel: 'last', uri: 'x' }] },
    }));
    expect(await readPages('things', p.fetchPage, 10)).toMatchObject({
      ok: true,
      value: { items: [1, 2, 3], note: null },
    });
  });

  it('stops at an empty page that was promised, keeping what was read', async () => {
    const p = pages([], 1, (page) => ({
      data: page <= 2 ? [page * 10, page * 10 + 1] : [],
      pagination: { currentPage: page, pagesTotal: 5 },
    }));
    const read = await readPages('events of session ps1', p.fetchPage, 20);
    expect(read).toEqual({
      ok: true,
      value: {
        items: [10, 11, 20, 21],
        note: 'events of session ps1: page 3 of 5 promised was empty; kept the 4 read before.',
      },
    });
    expect(p.asked).toEqual([1, 2, 3]);
  });

  it('stops when a page repeats the previous one', async () => {
    const p = pages([], 1, (page) => ({ data: [1, 2, 3], pagination: { currentPage: page, pagesTotal: 1000 } }));
    const read = await readPages('live streams', p.fetchPage, 20);
    expect(read).toMatchObject({
      ok: true,
      value: { items: [1, 2, 3], note: 'live streams: page 2 repeated page 1; kept the 3 read before.' },
    });
    expect(p.asked).toEqual([1, 2]);
  });

  it('stops when the server answers another page than the one asked for', async () => {
    const p = pages([], 1, (page) => ({ data: [page], pagination: { currentPage: 1, pagesTotal: 4 } }));
    const read = await readPages('things', p.fetchPage, 20);
    expect(read).toMatchObject({
      ok: true,
      value: { items: [1], note: 'things: asked for page 2 but got page 1; kept the 1 read before.' },
    });
  });

  it('never reads past the cap, however many pages are promised', async () => {
    const p = pages([], 1, (page) => ({ data: [page], pagination: { currentPage: page, pagesTotal: 1_000_000 } }));
    const read = await readPages('things', p.fetchPage, 4);
    expect(read).toMatchObject({
      ok: true,
      value: { items: [1, 2, 3, 4], note: 'things: stopped after 4 pages of 1000000 (at most 4 per poll); kept 4.' },
    });
    expect(p.asked).toEqual([1, 2, 3, 4]);
  });

  it('passes an error on', async () => {
    const failing = async () => err(sourceError('http', 'api.video server error (503).', { status: 503 }));
    expect(await readPages('things', failing, 4)).toMatchObject({ ok: false, error: { status: 503 } });
  });
});
