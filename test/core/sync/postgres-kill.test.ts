// Acceptance (issue 16, item 7): the SIGKILL test the SQLite target passes (acceptance-kill.test.ts), against a
// real PostgreSQL server. A job with a PostgreSQL target and a JSON folder job run as a CHILD PROCESS against the
// simulator with injected faults, killed with SIGKILL at random points several times, then run to completion.
// The tables must equal those of a clean run, and the rows must match the JSON export of the same run.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputFileName } from '../../../src/core/export/targets/file-name.js';
import { jobSchema, type Job } from '../../../src/shared/job.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { startPostgres, postgresTargetOn, type RunningPostgres } from '../../peers/postgres.js';
import { cleanAndKilledRuns, killWorkspace, type KillWorkspace } from '../../support/kill-runner.js';
import { removeBundledRunners } from '../../support/bundle-runner.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'room.amsterdam@contoso.com', 'bob.jones@contoso.com'];

function jobsIn(server: RunningPostgres, schema: string): (dir: string) => Job[] {
  const base = {
    profile: 'sim',
    mailboxes: { mode: 'list', list: MAILBOXES },
    window: { daysBack: 3, daysAhead: 14 },
    filters: { private: 'mask' },
    concurrency: 3,
  };
  const target = postgresTargetOn(server, schema);
  return (dir) => [
    jobSchema.parse({ ...base, id: 'k-postgres', name: 'postgres', target }),
    jobSchema.parse({ ...base, id: 'k-json', name: 'json', format: 'json', target: { kind: 'folder', path: join(dir, 'json') } }),
  ];
}

describe('acceptance: PostgreSQL target, SIGKILL at random points, then re-run = clean run', () => {
  let sim: RunningSimulator;
  let server: RunningPostgres;
  let clean: KillWorkspace;
  let killed: KillWorkspace;

  beforeAll(async () => {
    [sim, server] = await Promise.all([startSimulator({ seed: 11, anchor: new Date(SIM_ANCHOR), latencyMs: 2 }), startPostgres()]);
    const secrets = { postgresPassword: server.password };
    [clean, killed] = await Promise.all([
      killWorkspace(sim, jobsIn(server, 'clean'), secrets),
      killWorkspace(sim, jobsIn(server, 'killed'), secrets),
    ]);
  }, 60_000);
  afterAll(async () => {
    await removeBundledRunners();
    await sim?.stop();
    await server?.stop();
    for (const w of [clean, killed]) if (w) await rm(w.dir, { recursive: true, force: true });
  });

  const tables = async (schema: string) => ({
    events: await server.query(`select * from ${schema}.events order by mailbox, folder, event_key`),
    attendees: await server.query(`select * from ${schema}.attendees order by mailbox, folder, event_key, position`),
    state: await server.query(`select job_id, mailbox, folder, output_hash, items from ${schema}.sync_state order by mailbox, folder`),
  });

  it('leaves the same rows as a clean run, matching the JSON export of the same run', async () => {
    // Progress lines per full run: 2 jobs × (started + 4 mailboxes + finished) = 12.
    await cleanAndKilledRuns(sim, clean, killed, { maxLines: 12, secrets: { postgresPassword: server.password } });

    const after = await tables('killed');
    expect(after).toEqual(await tables('clean'));
    expect(after.events.length).toBeGreaterThan(10);
    expect(after.attendees.length).toBeGreaterThan(0);
    expect(after.state).toHaveLength(MAILBOXES.length);

    // Row for row, the table holds what the JSON export of the same run holds, mailbox by mailbox.
    for (const mailbox of MAILBOXES) {
      const file = JSON.parse(await readFile(join(killed.dir, 'json', outputFileName(mailbox, 'calendar', 'json')), 'utf8')) as unknown[];
      const rows = after.events.filter((r) => r.mailbox === mailbox).map((r) => r.json);
      // jsonb keeps its own key order: compare with keys sorted.
      const byKey = (a: unknown) =>
        JSON.stringify(a, (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
            : v,
        );
      expect(rows.map(byKey).sort()).toEqual(file.map(byKey).sort());
    }
    const runs = await server.query<{ status: string }>(`select status from killed.runs where job_id = 'k-postgres'`);
    expect(runs.some((r) => r.status === 'ok')).toBe(true);
  }, 150_000);
});
