// `calpump export` with worker threads (CALPUMP_EXPORT_WORKERS) through the installed entry point, in both of
// its hosts: the prebuilt bundle (dist/cli/export-worker.mjs, its own entry) and the sources through tsx
// (src/core/sync/shard/ts-worker-boot.mjs). The worker starts, builds its connector with the profile's CA file
// and the password from the host's store, and the files are the same as on one thread.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { currentBundle } from '../../../scripts/cli-bundle.mjs';
import { demoCommands } from '../../../src/headless/cli/demo-commands.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { runBin } from './bin-child.js';
import { tempConfigDir } from './helpers.js';

/** Sources through tsx on a machine whose cores other tests keep busy: generous. */
const SLOW = 240_000;

const calpump = runBin;

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  if (!currentBundle()) await buildCli({ quiet: true });
  // More mailboxes than the export's concurrency (8), each a few slow round trips, so the worker is up before
  // the main thread has taken them all.
  sim = await startSimulator({ port: 0, mailboxes: 24, eventsPerMailbox: 20, latencyMs: 150 });
  dir = await tempConfigDir();
  const [add] = demoCommands({ configDir: dir, ewsUrl: sim.ewsUrl, caFile: sim.caFile });
  expect((await calpump(add.argv, add.stdin ?? '', {})).code).toBe(0);
}, SLOW);
afterAll(async () => sim?.stop());

async function exportWith(workers: string, fromSources: string, out: string) {
  const mailboxes = [...sim.world.mailboxes.values()].filter((m) => m.kind === 'user').map((m) => m.smtp);
  const anchor = Date.parse(`${sim.world.anchor}T00:00:00Z`);
  const args = ['--config-dir', dir, '--log-level', 'debug', 'export', '--profile', 'demo', '--format', 'json', '--out', join(dir, out)];
  const window = ['--from', new Date(anchor - 7 * 86_400_000).toISOString(), '--to', new Date(anchor + 30 * 86_400_000).toISOString()];
  const r = await calpump([...args, ...window, '--mailbox', mailboxes.join(',')], '', {
    CALPUMP_EXPORT_WORKERS: workers,
    CALPUMP_FROM_SOURCES: fromSources,
  });
  return { ...r, files: await filesOf(join(dir, out)) };
}

describe.each([
  ['the prebuilt bundle', ''],
  ['the sources (tsx)', '1'],
])('calpump export with a worker thread, from %s', (_host, fromSources) => {
  it(
    'starts the worker and writes what one thread writes',
    async () => {
      const one = await exportWith('0', fromSources, `one-${fromSources}`);
      const sharded = await exportWith('1', fromSources, `sharded-${fromSources}`);
      expect(sharded.code, sharded.stderr).toBe(one.code);
      if (!fromSources) {
        expect(sharded.stderr).toMatch(/export\.worker\.ready/);
        expect(sharded.stderr).toMatch(/export\.mailbox\.done.*worker-1/);
      }
      // From the sources the worker loads the EWS stack through tsx, which on a busy machine may take longer than
      // this export; test/core/sync/shard exports through such a worker alone.
      expect(sharded.stderr).not.toMatch(/export\.worker\.(ended|startFailed|lost)/);
      expect(one.stderr).not.toMatch(/export\.worker/);
      expect(Object.keys(sharded.files).length).toBeGreaterThan(8);
      expect(sharded.files).toEqual(one.files);
    },
    SLOW,
  );
});
