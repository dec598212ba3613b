// A throw-away PostgreSQL cluster for tests: Debian's initdb and postgres in a temporary folder, listening on a
// free loopback port with password (SCRAM) sign-in. initdb and postgres refuse to run as root, so as root the
// cluster runs as the `postgres` system user on a folder it owns. Durability settings stay at their defaults
// (fsync on): the crash tests kill the client, and the server keeps what it acknowledged.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, peerDir, removePeerDir, startPeer, waitForPort } from './peer-process.js';

const run = promisify(execFile);

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Runs SQL as the superuser on `database` and returns the rows. */
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** A job's postgres target on this cluster, writing into `schema`, over loopback without TLS. */
export function postgresTargetOn(server: RunningPostgres, schema: string) {
  return {
    kind: 'postgres' as const,
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    schema,
    tls: 'off' as const,
  };
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return dir;
}

/** uid/gid to run the server as: the `postgres` user when this process is root, else this user. */
async function serverIdentity(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = binDir();
  const dir = peerDir('pg');
  const who = await serverIdentity();
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (who) {
    // The temp folder is private to root by default; the server user needs to own its part.
    chmodSync(dir, 0o755);
    for (const p of [dir, sockets, pwfile]) chownSync(p, who.uid, who.gid);
  }
  const opts = who ? { uid: who.uid, gid: who.gid } : {};
  await run(
    join(bin, 'initdb'),
    [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '-N',
    ],
    { ...opts, cwd: dir },
  );
  const port = await freePort();
  const server = startPeer(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=40'],
    { ...opts, cwd: dir },
  );
  await waitForPort(server, port, 'postgres');
  const config = { host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' };
  // The port accepts before the server takes sign-ins ("the database system is starting up"): wait for a query.
  const until = Date.now() + 20_000;
  for (;;) {
    const c = new pg.Client(config);
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => undefined);
      if (Date.now() > until || server.exited()) throw new Error(`postgres did not accept sign-ins: ${String(e)}\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    ...config,
    async query<T extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const c = new pg.Client(config);
      await c.connect();
      try {
        return (await c.query<T>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async stop() {
      await server.stop();
      removePeerDir(dir);
    },
  };
}
