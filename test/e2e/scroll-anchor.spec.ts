import { expect, test } from '@playwright/test';
import { openApp, publishHeldState } from '../../bench/support/fake-api-app';
import type { PageGlobals } from '../../bench/support/page-globals';
import { RENDERER_OUT } from '../../bench/support/builds';
import { startStaticSite, type StaticSite } from '../../bench/support/static-site';

/**
 * The built renderer with a stand-in window.api holding 10,000 sessions; the
 * test pushes a poll's 1,500 new ones while the user reads rows far down the
 * table. The row under the pointer must not move, and the table says how many
 * arrived above it.
 */
let site: StaticSite;

test.beforeAll(async () => {
  site = await startStaticSite(RENDERER_OUT);
});
test.afterAll(async () => site.close());

test('the row under the pointer holds still while new sessions arrive above it', async ({ browser }) => {
  const { updates } = publishHeldState(site, 1);
  const page = await openApp(browser, site, 'sessions');
  const body = page.locator('.grid-body');
  const box = (await body.boundingBox())!;
  const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(pointer.x, pointer.y);
  // By source: the poll's 1,500 new sessions (conviva 1) then land above the rows of conviva 2 and later.
  await page.getByRole('columnheader', { name: 'Source' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Source' })).toHaveAttribute('aria-sort', 'ascending');
  await page.mouse.wheel(0, 600);
  // Then far down, where the browser's own scroll event reaches the table as a person's would.
  await body.evaluate(
    (el) => (el.scrollTop = 3_400 * el.querySelector('[role="row"]')!.getBoundingClientRect().height),
  );
  await expect.poll(() => body.locator('[role="row"]').first().textContent()).toContain('conviva 2');
  const underPointer = () =>
    body.evaluate((el, { x, y }) => {
      const row = el.ownerDocument.elementFromPoint(x, y)?.closest('[role="row"]');
      return { text: row?.textContent ?? null, index: Number(row?.getAttribute('aria-rowindex')) };
    }, pointer);
  // The hub makes room by dropping the sessions that changed longest ago: the first sources it was
  // filled with (NAVER). A row of a later source outlives this update, so the pointer rests on one.
  const survivor = await body.evaluate((el) => {
    const view = el.getBoundingClientRect();
    const row = [...el.querySelectorAll('[role="row"]')].find((r) => {
      const box = r.getBoundingClientRect();
      return box.top > view.top + 40 && box.bottom < view.bottom - 40 && !r.textContent!.includes('naver-vpe');
    });
    if (!row) return null;
    const box = row.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  expect(survivor, 'a row of a source the update does not evict, in view').not.toBeNull();
  Object.assign(pointer, survivor);
  await page.mouse.move(pointer.x, pointer.y);
  const before = await underPointer();
  expect(before.text).not.toContain('naver-vpe');
  // Each row element drawn now, marked: the update moves the view 1,500 rows on, and the elements should stay.
  const drawn = await body.evaluate((el) => {
    const rows = [...el.querySelectorAll('[role="row"]')];
    rows.forEach((row) => ((row as unknown as { keptFrom?: boolean }).keptFrom = true));
    return rows.length;
  });

  await page.evaluate((name) => (globalThis as unknown as PageGlobals).__bench.fetchPatches(name), updates[0]!);
  // The update moves the view about 1,500 rows on. What each frame painted, from the push on: the row under
  // the pointer, read in a task after the frame (its rendering done). Moved only after React changed the DOM,
  // the view showed one frame of the old rows' range at the new position: no row at all under the pointer.
  const painted = await page.evaluate(
    ({ name, x, y }) => {
      const { __probe, __bench } = globalThis as unknown as PageGlobals;
      return __probe.rowTextsAfter(() => __bench.push(name), x, y, 4);
    },
    { name: updates[0]!, ...pointer },
  );
  expect(painted, 'the held row under the pointer in every frame after the update').toEqual(
    Array.from({ length: 4 }, () => before.text),
  );
  const pill = page.getByRole('button', { name: /new sessions/ });
  await expect(pill).toBeVisible();
  const after = await underPointer();
  expect(after.text).toBe(before.text);
  const kept = await body.evaluate((el) =>
    [...el.querySelectorAll('[role="row"]')].map((row) => (row as unknown as { keptFrom?: boolean }).keptFrom),
  );
  expect(kept, 'the same row elements, showing other sessions').toEqual(Array.from({ length: drawn }, () => true));
  const arrived = after.index - before.index;
  expect(arrived).toBeGreaterThan(0);
  await expect(pill).toHaveText(`↑ ${arrived.toLocaleString('en-US')} new sessions`);
  await page.screenshot({ path: 'test-results/screenshots/sessions-held-row.png' });

  await pill.click();
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(pill).toBeHidden();
  await page.close();
});

test('keyboard focus stays with its session while new sessions arrive above it', async ({ browser }) => {
  const { updates } = publishHeldState(site, 1);
  const page = await openApp(browser, site, 'sessions');
  const body = page.locator('.grid-body');
  const push = async (name: string) => {
    await page.evaluate((n) => (globalThis as unknown as PageGlobals).__bench.fetchPatches(n), name);
    await page.evaluate((n) => (globalThis as unknown as PageGlobals).__bench.push(n), name);
  };
  const focusedRow = () =>
    body.evaluate((grid) => {
      const el = grid.ownerDocument.activeElement;
      return el?.getAttribute('role') === 'row' ? el.textContent : null;
    });
  // By source, far down (as in the test above): the update's new sessions land above, and the hub evicts
  // NAVER's. Focus a row of a later source with the pointer resting on it: the anchor holds that row.
  await page.getByRole('columnheader', { name: 'Source' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Source' })).toHaveAttribute('aria-sort', 'ascending');
  await body.evaluate(
    (el) => (el.scrollTop = 3_400 * el.querySelector('[role="row"]')!.getBoundingClientRect().height),
  );
  await expect.poll(() => body.locator('[role="row"]').first().textContent()).toContain('conviva 2');
  const held = body.locator('[role="row"]', { hasNotText: 'naver-vpe' }).nth(8);
  await held.focus();
  const text = await held.textContent();
  const box = (await held.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await push(updates[0]!);
  await expect(page.getByRole('button', { name: /new sessions/ })).toBeVisible();
  // Focus stayed with the session (a held view keeps each session on its row element), and the
  // keyboard carries on from it.
  await expect.poll(focusedRow).toBe(text);
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(() => body.evaluate((grid) => Number(grid.ownerDocument.activeElement?.getAttribute('aria-rowindex'))))
    .toBe(Number(await body.locator('[role="row"]', { hasText: text! }).getAttribute('aria-rowindex')) + 1);

  await page.close();
});
