import type { Locator, Page } from '@playwright/test';

/**
 * Locators of the dashboard, in one place, by role and accessible name as a
 * screen reader would find them. The chart is a canvas, so the renderer
 * exposes what it drew on the chart's element: `data-points` is the number
 * of points across the visible series.
 */
export class DashboardPage {
  readonly chart: Locator;
  readonly healthStrip: Locator;
  readonly sessionsTab: Locator;
  readonly sessionsGrid: Locator;
  /** Body rows only (the header row is in the first rowgroup). */
  readonly sessionRows: Locator;
  readonly demoBadge: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('viewers-chart');
    this.healthStrip = page.getByRole('region', { name: 'Source health' });
    this.sessionsTab = page.getByRole('tab', { name: /^Sessions/ });
    this.sessionsGrid = page.getByRole('grid', { name: 'Sessions' });
    this.sessionRows = this.sessionsGrid.getByRole('rowgroup').nth(1).getByRole('row');
    this.demoBadge = page.getByRole('banner').getByText('DEMO', { exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async showSessions(): Promise<void> {
    await this.sessionsTab.click();
  }

  /** Points the chart says it drew (0 until it has data). */
  async chartPoints(): Promise<number> {
    return Number((await this.chart.getAttribute('data-points')) ?? '0');
  }

  healthOf(sourceName: string): Locator {
    return this.healthStrip.getByRole('listitem').filter({ hasText: sourceName });
  }
}
