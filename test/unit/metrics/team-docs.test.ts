import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCollectorMetrics } from '../../../main/metrics/collector-metrics';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { prometheusRules } from '../../../main/metrics/prometheus-rules';
import { NOW, metricsHub } from '../../support/metrics-hub';
import { skipReason } from '../../support/prometheus';
import { spawnSync } from 'node:child_process';

/** The Grafana dashboard and the rules ask only for metrics the collector serves (a renamed metric breaks this test, not a team's dashboard). */
const DOCS = join(__dirname, '../../../docs/team');

async function servedFamilies(): Promise<Set<string>> {
  const metrics = createCollectorMetrics({
    hub: metricsHub(),
    now: () => NOW,
    version: '1',
    viewerMetrics: [],
    processMetrics: false,
  });
  metrics.observeRequest({ provider: 'conviva', url: 'https://x.example/a', status: 200, seconds: 0.1 });
  const { body } = await metrics.render(undefined);
  metrics.close();
  const names = new Set<string>();
  for (const line of body.split('\n')) if (line.startsWith('# TYPE ')) names.add(line.split(' ')[2]!);
  return names;
}

const referenced = (text: string) => [...new Set(text.match(/streamwatch_[a-z_]+/g) ?? [])];
const family = (name: string) => name.replace(/_(bucket|count|sum)$/, '');

describe('docs/team', () => {
  it('the Grafana dashboard is valid JSON with a Prometheus input and queries only served metrics', async () => {
    const dashboard = JSON.parse(readFileSync(join(DOCS, 'grafana/streamwatch-dashboard.json'), 'utf8')) as {
      __inputs: { pluginId: string }[];
      panels: { targets: { expr: string }[] }[];
    };
    expect(dashboard.__inputs[0]?.pluginId).toBe('prometheus');
    const served = await servedFamilies();
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    const used = referenced(exprs);
    expect(used.length).toBeGreaterThan(8);
    for (const name of used) expect(served.has(name) || served.has(family(name)), name).toBe(true);
  });

  it('the alert rules query only served metrics', async () => {
    const served = await servedFamilies();
    for (const name of referenced(
      prometheusRules(DEFAULT_RULES)
        .map((r) => r.expr)
        .join('\n'),
    ))
      expect(served.has(name) || served.has(family(name)), name).toBe(true);
  });

  it('the systemd unit runs the headless collector with --serve and a config file', () => {
    const unit = readFileSync(join(DOCS, 'systemd/streamwatch-collector.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=.*launch\.mjs --config \S+ --serve \d+$/m);
    expect(unit).toContain('NoNewPrivileges=yes');
  });

  it.skipIf(skipReason('amtool') !== null)('the Alertmanager example passes amtool check-config', () => {
    const run = spawnSync('amtool', ['check-config', join(DOCS, 'alertmanager/alertmanager.example.yml')], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
