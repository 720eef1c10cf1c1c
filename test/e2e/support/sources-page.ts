import type { Locator, Page } from '@playwright/test';

/** Sources & settings, found by role and accessible name as a keyboard or screen-reader user would. */
export class SourcesPage {
  readonly tab: Locator;
  readonly table: Locator;
  readonly status: Locator;
  readonly platform: Locator;
  readonly addButton: Locator;
  readonly editor: Locator;
  readonly demoSwitch: Locator;
  readonly readOnlyNote: Locator;
  readonly exportButton: Locator;
  readonly importInput: Locator;
  readonly importSummary: Locator;
  readonly settings: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Sources & settings/ });
    this.table = page.getByRole('table', { name: 'Configured sources' });
    this.status = page.locator('.sources-status');
    this.platform = page.getByRole('combobox', { name: 'Platform' });
    this.addButton = page.getByRole('button', { name: 'Add source', exact: true });
    this.editor = page.getByRole('region', { name: /^(Add a|Edit) / });
    this.demoSwitch = page.getByRole('switch', { name: 'Show demo data' });
    this.readOnlyNote = page.getByText(/^Read-only:/);
    this.exportButton = page.getByRole('button', { name: 'Export list' });
    this.importInput = page.locator('input[type="file"]');
    this.importSummary = page.getByRole('region', { name: /^Imported/ });
    this.settings = page.getByRole('region', { name: 'Settings' });
  }

  async open(): Promise<void> {
    await this.tab.click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** A text, password or list input of the form, by its accessible name. */
  input(name: string): Locator {
    return this.editor.getByRole('textbox', { name, exact: true });
  }

  async startAdding(platformLabel: string): Promise<void> {
    await this.platform.selectOption({ label: platformLabel });
    await this.addButton.click();
  }

  /** Fills the add form and saves: name, base URL (a simulator's), and secrets by their field labels. */
  async add(
    platformLabel: string,
    values: { name: string; baseUrl: string; secrets: Record<string, string> },
  ): Promise<void> {
    await this.startAdding(platformLabel);
    await this.input('Name').fill(values.name);
    await this.input('Base URL').fill(values.baseUrl);
    for (const [label, value] of Object.entries(values.secrets)) await this.input(label).fill(value);
    await this.editor.getByRole('button', { name: 'Add source' }).click();
    await this.row(values.name).waitFor();
  }

  testButton(): Locator {
    return this.editor.getByRole('button', { name: 'Test connection' });
  }

  testResult(): Locator {
    return this.editor.locator('.test-result');
  }

  async edit(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${name}` }).click();
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
    await this.page
      .getByRole('dialog', { name: `Remove ${name}?` })
      .getByRole('button', { name: 'Remove' })
      .click();
  }
}
