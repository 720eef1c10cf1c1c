import type { Locator, Page } from '@playwright/test';

/**
 * Locators for the overview's chart controls and breakdowns, the sessions
 * filters and the session detail, beside DashboardPage's basics.
 */
export class ViewsPage {
  readonly ranges: Locator;
  readonly legend: Locator;
  readonly breakdowns: Locator;
  readonly filters: Locator;
  readonly sessionCount: Locator;
  readonly search: Locator;
  readonly failedOnly: Locator;
  readonly detail: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.ranges = page.getByRole('radiogroup', { name: 'Time range' });
    this.legend = page.getByRole('list', { name: 'Series' });
    this.breakdowns = page.getByRole('region', { name: 'Breakdowns' });
    this.filters = page.getByRole('search', { name: 'Filter sessions' });
    this.sessionCount = this.filters.locator('.count');
    this.search = this.filters.getByRole('searchbox', { name: 'Search' });
    this.failedOnly = this.filters.getByRole('checkbox', { name: 'Failed only' });
    this.detail = page.getByRole('region', { name: /^Session / });
    this.events = this.detail.getByRole('table', { name: 'Session events in order' });
  }

  tab(label: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&')}`) });
  }

  tile(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  filter(label: 'Source' | 'Device' | 'Video type'): Locator {
    return this.filters.getByRole('combobox', { name: label });
  }

  columnHeader(label: string): Locator {
    return this.page.getByRole('grid', { name: 'Sessions' }).getByRole('columnheader', { name: label });
  }

  /** The text of one column for the rows drawn (the table is virtualized: only those near the view). */
  async columnTexts(rows: Locator, index: number): Promise<string[]> {
    return rows.evaluateAll(
      (els, i) => els.map((el) => el.querySelectorAll('[role="gridcell"]')[i]?.textContent?.trim() ?? ''),
      index,
    );
  }

  /** Event offsets from the start of the session, in seconds, in the order listed. */
  async eventOffsets(): Promise<number[]> {
    const texts = await this.events.locator('tbody tr td:nth-child(2)').allTextContents();
    return texts.map((text) => {
      const sign = text.trim().startsWith('−') ? -1 : 1;
      const parts = text.replace(/^[+−]/, '').split(':').map(Number);
      return sign * parts.reduce((sum, part) => sum * 60 + part, 0);
    });
  }
}
