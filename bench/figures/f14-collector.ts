import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { ensureHeadlessBuilt } from '../support/builds';
import { ROOT, stopChild } from '../support/child';
import { freePort, waitForHttp } from '../support/free-port';
import { judge, type Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 14: one collector for many desks. Three collectors (`headless --demo
 * --serve`, the built bundle) start together and run the same schedule; one
 * gets 1 desk, one 10, one 50. A desk is a WebSocket client as the page is:
 * it asks for the snapshot, then reads every push. After the same 90 s each
 * collector's /metrics says how many requests it sent to each platform and
 * how much CPU it used. The platforms must see the same requests from all
 * three, and each added desk may cost < 0.2 % of a core. 90 s ends between
 * the one-minute polls, so a poll's jitter cannot move it across the edge.
 */
const CLIENTS = [1, 10, 50] as const;
const WINDOW_MS = 90_000;
const PER_CLIENT_LIMIT = 0.2;

interface Collector {
  readonly clients: number;
  readonly url: string;
  readonly child: ChildProcess;
  readonly startedAt: number;
}

interface Reading {
  readonly requests: Map<string, number>;
  readonly cpuSeconds: number;
}

async function startCollector(clients: number): Promise<Collector> {
  const port = await freePort();
  const child = spawn(process.execPath, ['main/headless/launch.mjs', '--demo', '--serve', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  const startedAt = performance.now();
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, 30_000).catch((cause: Error) => {
    throw new Error(`${cause.message}; stderr: ${stderr}`);
  });
  return { clients, url, child, startedAt };
}

/** A desk: connects as the page does, asks for the snapshot, then reads every push. */
function connectDesk(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}${WS_PATH}`, { origin: url });
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'state:snapshot', args: {} }));
      resolve(ws);
    });
    ws.on('message', () => undefined);
    ws.once('error', reject);
  });
}

/** Requests per platform and the process's CPU, from the collector's own /metrics. */
async function read(url: string): Promise<Reading> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const requests = new Map<string, number>();
  let cpuSeconds = Number.NaN;
  for (const line of text.split('\n')) {
    const request = /^streamwatch_api_requests_total\{provider="([^"]+)"[^}]*\} (\d+)/.exec(line);
    if (request) requests.set(request[1]!, (requests.get(request[1]!) ?? 0) + Number(request[2]));
    const cpu = /^process_cpu_seconds_total (\S+)/.exec(line);
    if (cpu) cpuSeconds = Number(cpu[1]);
  }
  if (Number.isNaN(cpuSeconds)) throw new Error(`${url}/metrics has no process_cpu_seconds_total`);
  return { requests, cpuSeconds };
}

const describe = (requests: Map<string, number>) =>
  [...requests.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provider, count]) => `${provider} ${count}`)
    .join(', ');

export async function figure14(): Promise<Row[]> {
  ensureHeadlessBuilt();
  const collectors: Collector[] = [];
  const desks: WebSocket[] = [];
  try {
    for (const clients of CLIENTS) collectors.push(await startCollector(clients));
    for (const collector of collectors) {
      for (let i = 0; i < collector.clients; i++) desks.push(await connectDesk(collector.url));
    }
    const readings: Reading[] = [];
    for (const collector of collectors) {
      await sleep(collector.startedAt + WINDOW_MS - performance.now());
      readings.push(await read(collector.url));
    }
    const cpu = readings.map((reading) => (reading.cpuSeconds / (WINDOW_MS / 1000)) * 100);
    const perClient = (cpu[2]! - cpu[0]!) / (CLIENTS[2] - CLIENTS[0]);
    const same = readings.every((reading) => describe(reading.requests) === describe(readings[0]!.requests));
    const total = (reading: Reading) => [...reading.requests.values()].reduce((sum, n) => sum + n, 0);
    const counts = readings.map(total);
    return [
      {
        id: '14a',
        figure: 14,
        title: 'team collector: platform requests in 90 s with 1, 10 and 50 desks connected',
        unit: 'requests',
        value: summarize(counts),
        baseline: null,
        budget: 'equal for 1, 10 and 50 desks',
        compared: { label: 'most − fewest, requests', value: Math.max(...counts) - Math.min(...counts), limit: 0 },
        status: same ? 'pass' : 'fail',
        notes: CLIENTS.map(
          (clients, i) => `${clients} desk${clients === 1 ? '' : 's'}: ${describe(readings[i]!.requests)}`,
        ),
      },
      {
        id: '14b',
        figure: 14,
        title: 'team collector: CPU per added desk (50 desks against 1)',
        unit: '% of one core',
        value: summarize([perClient]),
        baseline: null,
        budget: `< ${PER_CLIENT_LIMIT} % of one core per desk`,
        compared: { label: 'per added desk, % of one core', value: round(perClient, 4), limit: PER_CLIENT_LIMIT },
        status: judge(perClient, PER_CLIENT_LIMIT),
        notes: [
          `collector CPU over its first 90 s, start-up included, with the demo's simulators in the same process: ${CLIENTS.map((c, i) => `${c} desk${c === 1 ? '' : 's'} ${round(cpu[i]!, 2)} %`).join(', ')}`,
        ],
      },
    ];
  } finally {
    for (const desk of desks) desk.terminate();
    await Promise.all(collectors.map((collector) => stopChild(collector.child)));
  }
}
