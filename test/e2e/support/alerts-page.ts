import type { Locator, Page } from '@playwright/test';

/** The Alerts view and the header badge. */
export class AlertsPage {
  readonly tab: Locator;
  readonly badge: Locator;
  readonly firing: Locator;
  readonly silenceLine: Locator;
  readonly history: Locator;
  readonly historyTable: Locator;
  readonly rules: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Alerts/ });
    this.badge = page.getByRole('button', { name: /^Alerts: / });
    this.firing = page.getByRole('list', { name: 'Firing incidents' });
    this.silenceLine = page.locator('.silence-line');
    this.history = page.getByRole('region', { name: 'History' });
    this.historyTable = page.getByRole('table', { name: 'Incident history' });
    this.rules = page.getByRole('table', { name: 'Alert rules' });
  }

  async open(): Promise<void> {
    await this.tab.click();
  }

  /** A firing incident's card, by its heading ("NAVER main · API failing"). */
  incident(heading: string): Locator {
    return this.firing.getByRole('listitem', { name: heading });
  }

  historyRow(...texts: string[]): Locator {
    let rows = this.historyTable.getByRole('row');
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }

  ruleInput(label: string): Locator {
    return this.rules.getByRole('textbox', { name: label });
  }

  historyFilter(label: string): Locator {
    return this.history.getByRole('combobox', { name: label });
  }
}
