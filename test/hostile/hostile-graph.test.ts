// Acceptance (issue 11): Graph answers whose event times come in a zone other than UTC — a proxy or an endpoint
// that dropped `Prefer: outlook.timezone="UTC"`. The hostile server forwards a Graph profile's requests to the
// simulator and rewrites every UTC time into the same instant in "W. Europe Standard Time" (CET/CEST); an export
// through it, as a real process, must write the same instants as an export straight from the simulator.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../src/sim/oauth/tenant.js';
import { runCli } from '../headless/cli/helpers.js';
import { runCalpump, type ChildResult } from './cli-process.js';
import { ANNA } from './hostile-profiles.js';
import { combinedCa, startHostileServer, type HostileServer } from './hostile-server.js';

const MAX_MIB = 300;

let sim: RunningSimulator;
let hostile: HostileServer;
let dir: string;

async function addGraphProfile(name: string, host: string, caFile: string): Promise<void> {
  const add = await runCli(
    [
      ...['--config-dir', dir, 'profiles', 'add', '--kind', 'graph', '--name', name, '--tenant-id', SIM_TENANT_ID],
      ...['--authority-host', host, '--graph-host', host, '--ca-file', caFile, '--proxy', 'none'],
      ...['--client-id', SIM_APP_DAEMON, '--flow', 'clientCredentials', '--credential', 'secret', '--client-secret-stdin'],
      ...['--test-mailbox', ANNA],
    ],
    { input: `${SIM_APP_DAEMON_SECRET}\n` },
  );
  expect(add.code, add.stderr).toBe(0);
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, eventsPerMailbox: 40 });
  hostile = await startHostileServer({ upstream: { url: sim.url, ca: await readFile(sim.caFile!, 'utf8') } });
  dir = await mkdtemp(join(tmpdir(), 'calpump-hostile-graph-'));
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, combinedCa(sim.caFile!));
  await addGraphProfile('graph-direct', sim.url, ca);
  await addGraphProfile('graph-zoned', hostile.baseUrl('graph-zoned'), ca);
}, 120_000);

afterAll(async () => {
  await hostile?.close();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface ExportedEvent {
  id?: string;
  subject?: string;
  start: string;
  end: string;
  isAllDay?: boolean;
}

async function exportJson(profile: string): Promise<{ run: ChildResult; events: ExportedEvent[] }> {
  const out = join(dir, 'out', profile);
  const args = ['--config-dir', dir, 'export', '--profile', profile, '--mailbox', ANNA, '--out', out, '--format', 'json'];
  const run = await runCalpump([...args, '--days-back', '60', '--days-ahead', '120'], { timeoutMs: 120_000 });
  const files = await readdir(out).catch(() => [] as string[]);
  const events: ExportedEvent[] = [];
  for (const f of files.filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(await readFile(join(out, f), 'utf8')) as { events?: ExportedEvent[] } | ExportedEvent[];
    events.push(...(Array.isArray(doc) ? doc : (doc.events ?? [])));
  }
  return { run, events };
}

const instant = (t: string) => new Date(t).toISOString();

describe('Graph times in a zone other than UTC (hostile proxy)', () => {
  it('an export through the zoned answers writes the same instants as one straight from the simulator', async () => {
    const direct = await exportJson('graph-direct');
    const zoned = await exportJson('graph-zoned');
    for (const r of [direct.run, zoned.run]) {
      const why = `exit ${r.code} after ${r.ms} ms, peak ${r.peakMiB} MiB\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`;
      expect(r.killed, why).toBe(false);
      expect(r.code, why).toBe(0);
      expect(r.peakMiB, why).toBeLessThan(MAX_MIB);
    }
    // The tamper case really rewrote answers, and the export really read events.
    expect(hostile.tampered['graph-zoned'] ?? 0).toBeGreaterThan(0);
    expect(direct.events.length).toBeGreaterThan(10);
    const key = (e: ExportedEvent) => `${e.subject ?? ''}|${e.id ?? ''}`;
    const byKey = new Map(direct.events.map((e) => [key(e), e]));
    expect(zoned.events.map(key).sort()).toEqual(direct.events.map(key).sort());
    for (const e of zoned.events) {
      const d = byKey.get(key(e))!;
      expect({ start: instant(e.start), end: instant(e.end) }, key(e)).toEqual({ start: instant(d.start), end: instant(d.end) });
    }
  }, 300_000);
});
