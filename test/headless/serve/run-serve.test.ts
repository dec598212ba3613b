// runServe end to end without a browser: demo simulator + profile + job, token-guarded URL, clean stop; and the
// CLI refusing a non-loopback host without a token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/headless/cli/main.js';
import { runServe } from '../../../src/headless/serve/run-serve.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';

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
    const running = await runServe({ configDir, demo: true, uiDir: await tempDir('calpump-ui-'), build: false, secrets, schedule: false, port: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      const list = await running.dispatcher.call('profiles.list', {});
      expect(list.ok).toBe(true);
      const views = (list as { output: { profiles: Array<{ profile: { name: string; tls: { caFile?: string } }; secrets: { password: string } }> } }).output.profiles;
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

describe('calpump serve (CLI)', () => {
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

  it('refuses --host beyond loopback without a token, saying how to fix it', async () => {
    const o = io();
    const code = await main(['--config-dir', await tempDir('calpump-cli-'), 'serve', '--host', '0.0.0.0', '--no-build'], { stdout: o.stdout, stderr: o.stderr, env: {} });
    expect(code).toBe(1);
    expect(o.err).toContain('--token');
    expect(o.out).not.toContain('http://');
  });

  it('serves until stopped and prints the URL with the token', async () => {
    const o = io();
    const ac = new AbortController();
    const done = main(['--config-dir', await tempDir('calpump-cli-'), 'serve', '--port', '0', '--no-build', '--ui-dir', await tempDir('calpump-ui-')], { stdout: o.stdout, stderr: o.stderr, env: {}, signal: ac.signal });
    for (let i = 0; i < 300 && !o.out.includes('?token='); i++) await new Promise((r) => setTimeout(r, 10));
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(o.out)?.[0];
    expect(url).toBeDefined();
    const res = await fetch(url!, { redirect: 'manual' });
    expect(res.status).toBe(303);
    ac.abort();
    expect(await done).toBe(0);
  });
});
