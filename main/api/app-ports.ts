import type { SettingsView, RequestArgs, RequestArgsParsed } from '@shared/ipc/contract';
import type { AlertsView, Incident, RuleConfig, RuleId, Rules } from '@shared/model/alerts';
import type { SourceConfig } from '@shared/model/source';
import type { HistoryStatus, Retention, SeriesAnswer, SessionsPage } from '@shared/model/history';
import type { AppError, Result } from '@shared/result';

/** Preferences and the demo switch, as the request handlers see them. */
export interface SettingsPort {
  view(): Promise<SettingsView>;
  set(change: RequestArgs<'settings:set'>): Promise<Result<SettingsView, AppError>>;
  exportSources(): Promise<Result<string, AppError>>;
  importSources(
    json: string,
  ): Promise<Result<{ imported: SourceConfig[]; needSecrets: { sourceId: string; fields: string[] }[] }, AppError>>;
}

/** The alert engine, as the request handlers see it. */
export interface AlertsPort {
  view(): AlertsView;
  history(): readonly Incident[];
  acknowledge(incidentId: string): boolean;
  /** One incident, or every one when no id is given; 0 ends a snooze. */
  snooze(incidentId: string | undefined, minutes: number): boolean;
  rules(): Rules;
  setRule(ruleId: RuleId, config: Partial<RuleConfig>): Promise<Result<Rules, AppError>>;
}

/** Stored history, as the request handlers see it. */
export interface HistoryPort {
  series(request: RequestArgsParsed<'history:series'>): Promise<SeriesAnswer>;
  sessionsPage(request: RequestArgsParsed<'history:sessions'>): SessionsPage;
  status(): HistoryStatus;
  deleteHistory(sourceId: string | null): HistoryStatus;
  setRetention(retention: Retention): Promise<HistoryStatus>;
}
