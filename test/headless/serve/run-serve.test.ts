// runServe end to end without a browser: demo simulator + profile + job, token-guarded URL, clean stop; and the
// CLI refusing a non-loopback host without a token.
import { createServer, type Server } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/headless/cli/main.js';
import { runServe } from '../../../src/headless/serve/run-serve.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { waitUntil } from '../../support/wait-until.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(prefix: string) {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

describe('runServe --demo', () => {
  it('starts the simulator with a ready demo profile (password stored, never shown) and job', async () => {
    const configDir = await tempDir('calpump-serve-');
    const secrets = new MemorySecretStore();
    const running = await runServe({
      configDir,
      demo: true,
      uiDir: await tempDir('calpump-ui-'),
      build: false,
      secrets,
      schedule: false,
      port: 0,
    });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      const list = await running.dispatcher.call('profiles.list', {});
      expect(list.ok).toBe(true);
      const views = (
        list as { output: { profiles: Array<{ profile: { name: string; tls: { caFile?: string } }; secrets: { password: string } }> } }
      ).output.profiles;
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ profile: { name: 'Demo Exchange' }, secrets: { password: 'stored' } });
      expect(views[0].profile.tls.caFile).toBe(running.sim!.caFile);
      expect(JSON.stringify(list)).not.toContain('Passw0rd!');
      expect(await secrets.get(`profile:${running.demo!.profileId}:password`)).toBe('Passw0rd!');
      const job = await running.dispatcher.call('jobs.get', { id: running.demo!.jobId });
      expect(job).toMatchObject({ ok: true, output: { job: { name: 'Demo calendars', mailboxes: { mode: 'list' } } } });
      const refused = await fetch(running.origin + '/');
      expect(refused.status).toBe(401);
    } finally {
      await running.stop();
    }
  });
});

/** Captures what main() writes. */
function io() {
  let out = '';
  let err = '';
  return {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, server };
}

describe('a taken port', () => {
  it('moves on to the next free port only when a fallback is allowed (the default port)', async () => {
    const { port, server } = await occupiedPort();
    try {
      const base = { uiDir: await tempDir('calpump-ui-'), build: false, secrets: new MemorySecretStore(), schedule: false, port };
      await expect(runServe({ ...base, configDir: await tempDir('calpump-serve-') })).rejects.toMatchObject({ id: 'serve.portInUse' });
      const running = await runServe({ ...base, configDir: await tempDir('calpump-serve-'), portFallback: 20 });
      try {
        const moved = Number(new URL(running.url).port);
        expect(moved).toBeGreaterThan(port);
        expect(moved).toBeLessThanOrEqual(port + 20);
      } finally {
        await running.stop();
      }
    } finally {
      server.close();
    }
  });

  it('serve --demo on a taken --port fails at once and leaves no throw-away folder behind', async () => {
    const { port, server } = await occupiedPort();
    const tmp = await tempDir('calpump-tmp-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const o = io();
      const code = await main(['serve', '--demo', '--port', String(port), '--no-build'], { stdout: o.stdout, stderr: o.stderr, env: {} });
      expect(code).toBe(1);
      expect(o.err).toContain(String(port));
      expect(await readdir(tmp)).toEqual([]);
    } finally {
      process.env.TMPDIR = before;
      if (before === undefined) delete process.env.TMPDIR;
      server.close();
    }
  });
});

describe('read-only feeds', () => {
  it("serves a folder job's file per mailbox with the feed token, and refuses without it or for unknown jobs", async () => {
    const configDir = await tempDir('calpump-serve-');
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
      expect(token).not.toBe(running.token); // a display's feed URL gives no UI access
      const job = (await running.dispatcher.call('jobs.get', { id: running.demo!.jobId })) as {
        output: { job: { name: string; format: string; mailboxes: { list: string[] } } };
      };
      const { name, format, mailboxes } = job.output.job;
      const feed = (mailbox: string, t = token, ext = format) =>
        fetch(`${running.origin}/feeds/${encodeURIComponent(name)}/${encodeURIComponent(mailbox)}.${ext}?token=${t}`);

      const before = await feed(mailboxes.list[0]);
      expect(before.status).toBe(404);
      expect(await before.text()).toContain('run the job');
      await running.dispatcher.call('jobs.runNow', { id: running.demo!.jobId });
      let res = before;
      for (let i = 0; i < 300 && res.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await feed(mailboxes.list[0]);
      }
      expect(res.status).toBe(200);
      expect(format).toBe('ics'); // the demo job writes iCalendar files
      expect(res.headers.get('content-type')).toContain('text/calendar');
      expect(await res.text()).toContain('BEGIN:VCALENDAR');
      expect((await feed(mailboxes.list[0], 'wrong-token')).status).toBe(401);
      expect(
        (await fetch(`${running.origin}/feeds/${encodeURIComponent(name)}/${encodeURIComponent(mailboxes.list[0])}.${format}`)).status,
      ).toBe(401);
      expect((await fetch(`${running.origin}/feeds/nope/${encodeURIComponent(mailboxes.list[0])}.${format}?token=${token}`)).status).toBe(
        404,
      );
      const wrongExt = format === 'json' ? 'csv' : 'json';
      const other = await feed(mailboxes.list[0], token, wrongExt);
      expect(other.status).toBe(404);
      expect(await other.text()).toContain(`.${format}`);
    } finally {
      await running.stop();
    }
  });
});

describe('calpump serve (CLI)', () => {
  it('refuses --host beyond loopback without a token, saying how to fix it', async () => {
    const o = io();
    const code = await main(['--config-dir', await tempDir('calpump-cli-'), 'serve', '--host', '0.0.0.0', '--no-build'], {
      stdout: o.stdout,
      stderr: o.stderr,
      env: {},
    });
    expect(code).toBe(1);
    expect(o.err).toContain('--token');
    expect(o.out).not.toContain('http://');
  });

  it('serves until stopped and prints the URL with the token', async () => {
    const o = io();
    const ac = new AbortController();
    const done = main(
      ['--config-dir', await tempDir('calpump-cli-'), 'serve', '--port', '0', '--no-build', '--ui-dir', await tempDir('calpump-ui-')],
      { stdout: o.stdout, stderr: o.stderr, env: {}, signal: ac.signal },
    );
    await waitUntil(() => o.out.includes('?token='), 'the URL');
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(o.out)?.[0];
    expect(url).toBeDefined();
    const res = await fetch(url!, { redirect: 'manual' });
    expect(res.status).toBe(303);
    ac.abort();
    expect(await done).toBe(0);
  });
});
