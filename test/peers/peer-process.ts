// Starting and stopping real servers (krb5kdc, apache2, …) from tests: a free loopback port, a foreground
// child whose output is kept for failure messages, a wait on its TCP port, and a stop that also runs when the
// test process ends early: at exit, and — through a watchdog shell that holds a pipe to the test process —
// even when the test process is killed (a timed-out or cancelled run never leaves a server behind).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback port that was free a moment ago (the OS hands out a fresh one per call). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once('exit', () => {
  for (const c of live) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder removed with the test process at the latest. */
export function peerDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `calpump-${prefix}-`));
  dirs.add(d);
  return d;
}

export function removePeerDir(dir: string): void {
  dirs.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

export interface PeerProcess {
  child: ChildProcess;
  /** stdout and stderr so far (for failure messages). */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/**
 * The server runs under `sh` as leader of its own process group: stop() ends the group (the server and the
 * workers it forks). The shell reads its stdin, a pipe from this process; when this process dies the pipe
 * closes, `read` returns, and the shell ends the group.
 */
const WATCHDOG = '"$@" & read _; kill -TERM 0';

/** A foreground server in its own process group, so stop() also ends the workers it forks. */
export function startPeer(command: string, args: string[], opts: SpawnOptions = {}): PeerProcess {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'peer', command, ...args], { ...opts, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      done = true;
      live.delete(child);
      resolve();
    });
    child.once('error', (e) => {
      out += `\n${String(e)}`;
      done = true;
      live.delete(child);
      resolve();
    });
  });
  return {
    child,
    output: () => out,
    exited: () => done,
    async stop() {
      if (done || !child.pid) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }, 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Resolves once something accepts TCP connections on host:port; fails when the peer exits first. */
export async function waitForPort(peer: PeerProcess, port: number, what: string, host = '127.0.0.1', timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (peer.exited()) throw new Error(`${what} exited before listening:\n${peer.output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`${what} did not listen on ${host}:${port} within ${timeoutMs} ms:\n${peer.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
