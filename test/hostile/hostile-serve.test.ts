// Acceptance (issue 11): a running `calpump serve` (a real process) meets every hostile case through the RPC the UI
// uses — a profile test, a folder tree — and through a scheduled job run. Each call ends in a catalogue error (or
// a correct answer); no error escapes as an unhandled rejection; the process stays under 300 MB; and afterwards it
// still serves the UI and answers a healthy profile's test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { createRpcClient, createWsTransport } from '../../src/shared/rpc.js';
import { BIN } from './cli-process.js';
import { addHostileProfile, ANNA } from './hostile-profiles.js';
import { combinedCa, HOSTILE_CASES_FOR_COMMANDS, startHostileServer, type HostileServer } from './hostile-server.js';
import { waitUntil } from '../support/wait-until.js';

const TOKEN = 'hostile-serve-token-0123456789';

let sim: RunningSimulator;
let hostile: HostileServer;
let dir: string;
let serve: ChildProcess;
let serveOut = '';

/** Peak resident memory of a running process (VmHWM), in MiB. */
async function peakMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, eventsPerMailbox: 10 });
  hostile = await startHostileServer({ upstream: { url: sim.url, ca: await readFile(sim.caFile!, 'utf8') } });
  dir = await mkdtemp(join(tmpdir(), 'calpump-hostile-serve-'));
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, combinedCa(sim.caFile!));
  for (const c of HOSTILE_CASES_FOR_COMMANDS) await addHostileProfile(dir, c, hostile.ewsUrl(c), ca);
  await addHostileProfile(dir, 'healthy', sim.ewsUrl, ca);
  const uiDir = join(dir, 'ui');
  await mkdir(uiDir);
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>Calpump</title>');
  serve = spawn(process.execPath, [BIN, '--config-dir', dir, 'serve', '--port', '0', '--no-build', '--ui-dir', uiDir, '--token', TOKEN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout!.on('data', (c) => (serveOut += c));
  serve.stderr!.on('data', (c) => (serveOut += c));
  await waitUntil(() => /http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(serveOut), 'the address serve prints', { timeoutMs: 60_000 });
}, 180_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('close', r));
  }
  await hostile?.close();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function origin(): string {
  return /(http:\/\/127\.0\.0\.1:\d+)\//.exec(serveOut)![1];
}

function rpc() {
  const o = origin();
  const transport = createWsTransport({
    url: `${o.replace('http', 'ws')}/rpc`,
    createSocket: (u) => new WebSocket(u, { headers: { origin: o, cookie: `calpump_session=${TOKEN}` } }) as never,
  });
  return { client: createRpcClient(transport), close: () => transport.close() };
}

/** The catalogue id a failed call carries, or 'ok'. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { info?: { id?: string } }).info?.id ?? `not a catalogue error: ${String(e)}`;
  }
}

describe('calpump serve against hostile servers', () => {
  it('answers every hostile case with a catalogue error, stays small, and still serves the UI afterwards', async () => {
    const { client, close } = rpc();
    try {
      const profiles = (await client['profiles.list']()).profiles.map((v) => v.profile);
      const idOf = (name: string) => profiles.find((p) => p.name === name)!.id;
      const seen: Record<string, string[]> = {};
      for (const c of HOSTILE_CASES_FOR_COMMANDS) {
        const test = await client['profiles.test']({ id: idOf(c) });
        const failed = test.steps.find((s) => s.status === 'fail');
        const tree = await outcome(client['folders.tree']({ profileId: idOf(c), mailbox: ANNA }));
        seen[c] = [failed ? (failed.error?.id ?? 'a failed step without an id') : 'ok', tree];
      }
      for (const [c, ids] of Object.entries(seen))
        for (const id of ids) expect(id, `${c}: ${ids.join(', ')}`).not.toMatch(/not a catalogue error|without an id|internal\./);
      expect(seen['gzip-bomb']).toContain('net.response.tooLarge');
      expect(seen['silence']).toContain('net.timeout.idle');

      // Still alive, still small, nothing escaped: the UI loads and a healthy profile passes its test.
      expect(serve.exitCode).toBeNull();
      expect(await peakMiB(serve.pid!)).toBeLessThan(300);
      expect(serveOut).not.toMatch(/internal\.unexpected|unhandledRejection|uncaughtException/);
      const page = await fetch(`${origin()}/`, { headers: { cookie: `calpump_session=${TOKEN}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Calpump</title>');
      const healthy = await client['profiles.test']({ id: idOf('healthy') });
      expect(healthy.ok, JSON.stringify(healthy.steps)).toBe(true);
    } finally {
      close();
    }
  }, 300_000);
});
