// A PostgreSQL target's connection as one line, the way integrators write it: postgresql://user@host:port/database.
// Pure: the CLI (`jobs add --postgres`) and the job editor both read and write it. The password never goes in it:
// it lives in the secret store (jobSecretKey(job.id, 'postgresPassword')).
import type { PostgresTarget } from './job.js';

export type PostgresConnection = Pick<PostgresTarget, 'host' | 'port' | 'database' | 'user'>;

export type PostgresUrlResult = { ok: true; value: PostgresConnection } | { ok: false; problem: string };

const EXAMPLE = 'postgresql://calpump@db.contoso.com:5432/calendars';

export function parsePostgresUrl(text: string): PostgresUrlResult {
  const s = text.trim();
  if (!/^postgres(?:ql)?:\/\//i.test(s) || !URL.canParse(s)) return { ok: false, problem: `give a URL such as ${EXAMPLE}` };
  const u = new URL(s);
  if (u.password)
    return {
      ok: false,
      problem: 'leave the password out of the URL: it goes into the secret store (--postgres-password-stdin, or the password field)',
    };
  const user = decodeURIComponent(u.username);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!user || !host || !database || database.includes('/'))
    return { ok: false, problem: `give the user, the host and the database, as in ${EXAMPLE}` };
  if (u.search || u.hash) return { ok: false, problem: 'the URL takes no options (?…): schema and TLS are separate settings' };
  return { ok: true, value: { host, port: u.port ? Number(u.port) : 5432, database, user } };
}

/** The connection as a URL without the password (the inverse of parsePostgresUrl). */
export function postgresUrl(t: PostgresConnection): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `postgresql://${encodeURIComponent(t.user)}@${host}:${t.port}/${encodeURIComponent(t.database)}`;
}

/** Where a PostgreSQL target writes, without the password: postgresql://user@host:port/database#schema. */
export function postgresLocation(t: PostgresTarget): string {
  return `${postgresUrl(t)}#${t.schema}`;
}
