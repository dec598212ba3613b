// Apache httpd with mod_auth_gssapi as a real Negotiate acceptor in front of a backend (the simulator): Kerberos
// from a service keytab and NTLM through gss-ntlmssp under the same acceptor, TLS on the front, and the signed-in
// user passed on as X-Remote-User. Own ServerRoot, runtime folder and logs in a temporary folder; children run
// as www-data, so everything they read lies in world-readable files.
//
// What this acceptor does NOT do: check channel bindings (mod_auth_gssapi passes none to GSSAPI, so gss-ntlmssp
// accepts an NTLM message with any MsvAvChannelBindings). Extended Protection is judged by the simulator.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, peerDir, removePeerDir, startPeer, waitForPort } from './peer-process.js';

const MODULES = '/usr/lib/apache2/modules';
const MODULE_NAMES = ['mpm_event', 'authn_core', 'authz_core', 'authz_user', 'auth_gssapi', 'proxy', 'proxy_http', 'headers', 'ssl'];

export interface NtlmUser {
  domain: string;
  user: string;
  password: string;
}

export interface ApacheFrontOptions {
  /** Origin of the backend, e.g. http://127.0.0.1:PORT (paths are kept). */
  backend: string;
  /** Host name of the acceptor: its service principal is HTTP/<host> (GssapiAcceptorName HTTP@<host>). */
  host: string;
  /** Service keytab holding HTTP/<host>. */
  keytab: string;
  krb5Config: string;
  /** Accounts gss-ntlmssp accepts (its user file); none: NTLM is not offered. */
  ntlmUsers?: NtlmUser[];
  /** PEM certificate and key for the TLS listener. */
  tls: { cert: string; key: string };
}

export interface RunningApache {
  /** Origin of the front, e.g. https://localhost:PORT */
  url: string;
  port: number;
  errorLog(): string;
  /** The access log, where the configuration writes one (CustomLog access.log). */
  accessLog(): string;
  stop(): Promise<void>;
}

function conf(dir: string, port: number, o: ApacheFrontOptions, ntlmFile: string | undefined): string {
  return [
    ...serverDirectives(dir, port, o.host, MODULE_NAMES),
    'SSLEngine on',
    `SSLCertificateFile ${join(dir, 'front.pem')}`,
    `SSLCertificateKeyFile ${join(dir, 'front.key')}`,
    `SSLSessionCache none`,
    '<Location />',
    ...gssapiDirectives(o, ntlmFile, 'Exchange'),
    '  RequestHeader set X-Remote-User "%{REMOTE_USER}s"',
    '  RequestHeader unset Authorization',
    '</Location>',
    `ProxyPass / ${o.backend}/`,
    `ProxyPassReverse / ${o.backend}/`,
    '',
  ].join('\n');
}

export async function startApacheFront(o: ApacheFrontOptions): Promise<RunningApache> {
  return startApache({
    krb5Config: o.krb5Config,
    ntlmUsers: o.ntlmUsers,
    prepare: (dir) => {
      writeFileSync(join(dir, 'front.pem'), o.tls.cert);
      writeFileSync(join(dir, 'front.key'), o.tls.key, { mode: 0o600 });
    },
    conf: (dir, port, ntlmFile) => conf(dir, port, o, ntlmFile),
    origin: (port) => `https://${o.host}:${port}`,
  });
}

/** The acceptor's directives (Kerberos from the keytab, NTLM from the user file, one sign-in per connection). */
export function gssapiDirectives(o: { keytab: string; host: string }, ntlmFile: string | undefined, name: string): string[] {
  return [
    '  AuthType GSSAPI',
    `  AuthName "${name}"`,
    `  GssapiCredStore keytab:${o.keytab}`,
    ...(ntlmFile ? [`  GssapiCredStore ntlmssp_keyfile:${ntlmFile}`] : []),
    // Without an acceptor name a keytab credential store breaks NTLM ("Not a server credential type").
    `  GssapiAcceptorName HTTP@${o.host}`,
    '  GssapiAllowedMech krb5',
    ...(ntlmFile ? ['  GssapiAllowedMech ntlmssp'] : []),
    '  GssapiConnectionBound On',
    '  Require valid-user',
  ];
}

/** The server-wide lines every test Apache shares: own root, runtime folder, logs, modules, www-data children. */
export function serverDirectives(dir: string, port: number, host: string, modules: string[]): string[] {
  return [
    `ServerRoot ${dir}`,
    `DefaultRuntimeDir ${join(dir, 'run')}`,
    `PidFile ${join(dir, 'run', 'httpd.pid')}`,
    `ErrorLog ${join(dir, 'error.log')}`,
    'LogLevel warn auth_gssapi:info',
    `Listen 127.0.0.1:${port}`,
    ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    'User www-data',
    'Group www-data',
    `ServerName ${host}`,
    'KeepAliveTimeout 30',
  ];
}

export interface ApacheStart {
  krb5Config: string;
  ntlmUsers?: NtlmUser[];
  /** Writes extra files into the server's folder before the configuration is made. */
  prepare?: (dir: string) => void;
  conf: (dir: string, port: number, ntlmFile: string | undefined) => string;
  origin: (port: number) => string;
}

/** Starts apache2 in the foreground in a temporary folder, with a Kerberos environment and NTLM user file. */
export async function startApache(o: ApacheStart): Promise<RunningApache> {
  const dir = peerDir('apache');
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'run'));
  const rcache = join(dir, 'rcache');
  mkdirSync(rcache);
  chmodSync(rcache, 0o1777);
  o.prepare?.(dir);
  let ntlmFile: string | undefined;
  if (o.ntlmUsers?.length) {
    ntlmFile = join(dir, 'ntlm-users');
    writeFileSync(ntlmFile, o.ntlmUsers.map((u) => `${u.domain}:${u.user}:${u.password}\n`).join(''));
    chmodSync(ntlmFile, 0o644);
  }
  const port = await freePort();
  const confFile = join(dir, 'httpd.conf');
  writeFileSync(confFile, o.conf(dir, port, ntlmFile));
  const env = { ...process.env, KRB5_CONFIG: o.krb5Config, KRB5RCACHEDIR: rcache, APACHE_RUN_DIR: join(dir, 'run') };
  const peer = startPeer('/usr/sbin/apache2', ['-f', confFile, '-DFOREGROUND'], { env });
  const readLog = (name: string) => () => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  const errorLog = readLog('error.log');
  const stop = async () => {
    await peer.stop();
    removePeerDir(dir);
  };
  try {
    await waitForPort(peer, port, 'apache2');
  } catch (e) {
    const log = errorLog();
    await stop();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  return { url: o.origin(port), port, errorLog, accessLog: readLog('access.log'), stop };
}
