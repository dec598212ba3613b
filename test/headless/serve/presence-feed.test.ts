// A presence job end to end in `calpump serve`: the demo simulator and profile, a saved rule table, a presence
// job with a folder target; after a run, /feeds/<job>/<mailbox>.json serves {mailbox, computedAt, current,
// upcoming} computed with the saved table, and import/export-only URLs are refused with a clear text.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { runServe } from '../../../src/headless/serve/run-serve.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(prefix: string) {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

type Result = { ok: true; output: unknown } | { ok: false; error: { id: string; message: string } };
const out = <T>(r: unknown): T => {
  const res = r as Result;
  if (!res.ok) throw new Error(`${res.error.id}: ${res.error.message}`);
  return res.output as T;
};

describe('presence feed', () => {
  it("serves each mailbox's presence document written by a presence job with the saved rule table", async () => {
    const configDir = await tempDir('calpump-serve-presence-');
    const running = await runServe({
      configDir,
      demo: true,
      uiDir: await tempDir('calpump-ui-'),
      build: false,
      secrets: new MemorySecretStore(),
      schedule: false,
      port: 0,
    });
    try {
      const token = new URL(running.feedsUrl.replace('<job>', 'j').replace('<mailbox>', 'm')).searchParams.get('token')!;
      const d = running.dispatcher;
      // Everything that is not excluded maps to one status, so the saved table is visible in the answer.
      out(
        await d.call('presence.tables.save', {
          name: 'door-signs',
          table: {
            rules: [{ name: 'anything', status: 'Occupied' }],
            idleStatus: 'Free',
            exclusions: { private: false, tentative: false, free: false, cancelled: true, marker: '' },
          },
        }),
      );
      const mailboxes = ['anna.schmidt@contoso.com', 'room.amsterdam@contoso.com', 'nobody.here@contoso.com'];
      const outDir = join(configDir, 'presence');
      const created = out<{ job: { id: string; name: string; format: string } }>(
        await d.call('jobs.create', {
          job: {
            type: 'presence',
            presence: { table: 'door-signs', lookaheadHours: 48 },
            name: 'Door signs',
            profile: running.demo!.profileId,
            mailboxes: { mode: 'list', list: mailboxes },
            target: { kind: 'folder', path: outDir },
          },
          secrets: {},
        }),
      );
      expect(created.job.format).toBe('ics'); // the stored format does not matter: presence is always JSON
      out(await d.call('jobs.runNow', { id: created.job.id }));
      let runs: Array<{
        status: string;
        mailboxesOk: number;
        mailboxesFailed: number;
        errors: Array<{ mailbox?: string; error: { id: string } }>;
      }> = [];
      for (let i = 0; i < 300 && runs.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        runs = out<{ runs: typeof runs }>(await d.call('jobs.history', { id: created.job.id })).runs;
      }
      expect(runs).toHaveLength(1);
      // The unknown mailbox fails on its own; the other two are written.
      expect(runs[0]).toMatchObject({ status: 'partial', mailboxesOk: 2, mailboxesFailed: 1 });
      expect(runs[0].errors.map((e) => e.mailbox)).toEqual(['nobody.here@contoso.com']);
      expect((await readdir(outDir)).sort()).toEqual(['anna.schmidt@contoso.com.json', 'room.amsterdam@contoso.com.json']);

      const feed = (mailbox: string, ext = 'json', t = token) =>
        fetch(`${running.origin}/feeds/${encodeURIComponent(created.job.name)}/${encodeURIComponent(mailbox)}.${ext}?token=${t}`);
      const res = await feed('Anna.Schmidt@contoso.com');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const doc = (await res.json()) as {
        mailbox: string;
        computedAt: string;
        table: string;
        current: { status: string; start: string; end: string };
        upcoming: Array<{ status: string }>;
      };
      expect(doc.mailbox).toBe('anna.schmidt@contoso.com');
      expect(doc.table).toBe('door-signs');
      expect(Number.isNaN(Date.parse(doc.computedAt))).toBe(false);
      expect(['Occupied', 'Free']).toContain(doc.current.status);
      for (const s of doc.upcoming) expect(['Occupied', 'Free']).toContain(s.status);
      // Statuses alternate: consecutive equal statuses are one span.
      const all = [doc.current, ...doc.upcoming].map((s) => s.status);
      all.slice(1).forEach((s, i) => expect(s).not.toBe(all[i]));

      expect((await feed('anna.schmidt@contoso.com', 'ics')).status).toBe(404);
      expect(await (await feed('anna.schmidt@contoso.com', 'ics')).text()).toContain('.json');
      expect((await feed('anna.schmidt@contoso.com', 'json', 'wrong')).status).toBe(401);
      const missing = await feed('nobody.here@contoso.com');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('run the job');
    } finally {
      await running.stop();
    }
  }, 60_000);
});
