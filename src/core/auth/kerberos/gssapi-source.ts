// Kerberos tickets on Linux (MIT GSSAPI through the `kerberos` package) for the three credentials a profile
// can have:
//   keytab   MIT's client keytab: KRB5_CLIENT_KTNAME names the keytab and GSSAPI gets and renews the ticket
//            itself, into an in-memory credential cache (MEMORY:) of this process — nothing written anywhere.
//   password kinit (krb5-user) with the password on its standard input into a credential cache file in a
//            private folder (0700) on a memory file system (/dev/shm or $XDG_RUNTIME_DIR) where there is one;
//            run again when the ticket has expired; the folder is removed on close and at exit.
//   logon    whatever the machine's default cache holds (a `kinit` by the admin, SSSD on a domain member).
// GSSAPI reads KRB5CCNAME and KRB5_CLIENT_KTNAME from the process environment, so a context is created with
// this source's values set and every Kerberos call of the process runs one at a time (a short lock).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { GssBinding, GssClientContext } from './gss-binding.js';
import { kerberosError } from './kerberos-errors.js';
import { gssServiceName, type KerberosAccount } from './kerberos-names.js';
import type { KerberosCredential, NegotiateSource, NegotiateStart } from './negotiate-types.js';

/** Runs kinit: resolves on success, rejects with its error text. Injectable for tests. */
export type KinitRunner = (args: string[], password: string, env: NodeJS.ProcessEnv) => Promise<void>;

export const runKinit: KinitRunner = (args, password, env) =>
  new Promise((resolve, reject) => {
    const child = spawn('kinit', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.stdout.on('data', () => {});
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`kinit could not start: ${e.message}`), { code: (e as NodeJS.ErrnoException).code }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            err
              .replace(/^kinit:\s*/m, '')
              .replace(/Password for \S+:\s*/g, '')
              .trim() || `kinit exited with ${code}`,
          ),
        );
    });
    // kinit may exit before it reads its input (an unknown principal, a realm it cannot reach): writing to it then
    // fails with EPIPE, which would end the process if nobody listened. Its exit status and message say what went
    // wrong, so the write's own error is not news.
    child.stdin.on('error', () => {});
    child.stdin.end(`${password}\n`);
  });

let lock: Promise<unknown> = Promise.resolve();

/** Runs `fn` with these environment values set, one Kerberos call at a time in this process. */
function withKrbEnv<T>(values: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const next = lock.then(async () => {
    const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(values)) if (v !== undefined) process.env[k] = v;
    try {
      return await fn();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
  lock = next.catch(() => undefined);
  return next;
}

const privateDirs = new Set<string>();
process.once('exit', () => {
  for (const d of privateDirs) rmSync(d, { recursive: true, force: true });
});

function memoryBackedDir(): string {
  const candidates = [process.env.XDG_RUNTIME_DIR, '/dev/shm'].filter((d): d is string => !!d && existsSync(d));
  for (const base of candidates) {
    try {
      return mkdtempSync(join(base, 'calpump-krb5-'));
    } catch {
      // not writable: try the next
    }
  }
  return mkdtempSync(join(tmpdir(), 'calpump-krb5-'));
}

const EXPIRED = /ticket expired|no kerberos credentials available|no credentials cache found|credentials cache .*not found/i;

export class GssapiSource implements NegotiateSource {
  private readonly cacheName: string;
  private dir?: string;
  private kinitDone?: Promise<void>;

  constructor(
    private readonly binding: GssBinding,
    readonly account: KerberosAccount,
    private readonly secret: KerberosCredential,
    readonly spnFor: (url: string) => string,
    private readonly kinit: KinitRunner = runKinit,
  ) {
    const id = createHash('sha256').update(account.principal).update(randomBytes(8)).digest('hex').slice(0, 16);
    this.cacheName = `MEMORY:calpump-${id}`;
  }

  get credential(): KerberosCredential['kind'] {
    return this.secret.kind;
  }

  async start(spn: string): Promise<NegotiateStart> {
    try {
      return await this.tryStart(spn);
    } catch (e) {
      // A password ticket ages out (10 h by default): one fresh kinit, then the error stands.
      if (this.secret.kind !== 'password' || !EXPIRED.test((e as Error).message ?? '')) throw this.mapped(e, spn);
      this.kinitDone = undefined;
      try {
        return await this.tryStart(spn);
      } catch (again) {
        throw this.mapped(again, spn);
      }
    }
  }

  close(): void {
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
      privateDirs.delete(this.dir);
      this.dir = undefined;
    }
    this.kinitDone = undefined;
  }

  private mapped(e: unknown, spn: string): CalpumpError {
    return e instanceof CalpumpError ? e : kerberosError((e as Error).message ?? String(e), this.account, spn, e);
  }

  private async tryStart(spn: string): Promise<NegotiateStart> {
    const env = await this.environment(spn);
    return withKrbEnv(env, async () => {
      const principal = this.secret.kind === 'logon' ? undefined : this.account.principal;
      const context: GssClientContext = await this.binding.initializeClient(gssServiceName(spn), principal ? { principal } : {});
      const token = await context.step('');
      if (!token) throw new Error('GSSAPI produced no initial token');
      return { token, context, step: (t: string) => withKrbEnv(env, () => context.step(t)) };
    });
  }

  /** KRB5CCNAME / KRB5_CLIENT_KTNAME for this credential (kinit first for a password). */
  private async environment(spn: string): Promise<Record<string, string | undefined>> {
    const c = this.secret;
    if (c.kind === 'logon') return {};
    if (c.kind === 'keytab') return { KRB5CCNAME: this.cacheName, KRB5_CLIENT_KTNAME: `FILE:${c.keytab}` };
    if (!this.dir) {
      this.dir = memoryBackedDir();
      privateDirs.add(this.dir);
    }
    const cache = `FILE:${join(this.dir, 'ccache')}`;
    this.kinitDone ??= (async () => {
      const password = await c.password();
      try {
        await this.kinit(['-c', cache, this.account.principal], password, process.env);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          throw new CalpumpError('kerberos.unavailable', {
            params: { reason: text('problem.kerberos.noKinit') },
            evidence: 'kinit: ENOENT',
          });
        throw kerberosError((e as Error).message, this.account, spn, e);
      }
    })();
    this.kinitDone.catch(() => (this.kinitDone = undefined));
    await this.kinitDone;
    return { KRB5CCNAME: cache };
  }
}
