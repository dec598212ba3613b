// PAC routing and proxy sign-in end to end, judged by servers nobody here wrote: a PAC file served locally sends
// one host (localhost) through Apache httpd as a forward proxy that demands a sign-in (mod_proxy_connect +
// mod_auth_gssapi: NTLM through gss-ntlmssp, Kerberos against an MIT krb5kdc realm) and another (127.0.0.1)
// direct, both to the same simulated Exchange. `calpump profiles test` prints the proxy chosen and why; the
// proxy's access log shows which requests came through it, as whom, and on which connection.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/core/net/http-client.js';
import { DEMO_ACCOUNT } from '../../../src/headless/cli/demo-commands.js';
import { secretKey } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { RunningApache } from '../../peers/apache.js';
import { startApacheProxy } from '../../peers/apache-proxy.js';
import { startKdc, type RunningKdc } from '../../peers/krb5.js';
import { memorySecrets } from '../../core/net/fakes.js';
import { runCli, tempConfigDir } from './helpers.js';

const REALM = 'CONTOSO.COM';
const PROXY_USER = 'px-calpump';
const PROXY_PASSWORD = 'Pr0xy-Passw0rd!';

let kdc: RunningKdc;
let proxy: RunningApache;
let sim: RunningSimulator;
let pacServer: http.Server;
let pacUrl: string;
let dir: string;
const savedConfig = process.env.KRB5_CONFIG;

/** The simulator's EWS URL under another host name (its certificate names localhost and 127.0.0.1). */
const ewsAt = (host: string) => {
  const u = new URL(sim.ewsUrl);
  u.hostname = host;
  return u.href;
};
const simPort = () => new URL(sim.ewsUrl).port;

beforeAll(async () => {
  kdc = await startKdc({
    realm: REALM,
    hosts: ['localhost'],
    users: [{ name: PROXY_USER, password: PROXY_PASSWORD }],
    services: ['HTTP/localhost'],
  });
  proxy = await startApacheProxy({
    host: 'localhost',
    keytab: kdc.keytab,
    krb5Config: kdc.env.KRB5_CONFIG,
    ntlmUsers: [{ domain: 'CONTOSO', user: PROXY_USER, password: PROXY_PASSWORD }],
  });
  sim = await startSimulator({ port: 0 });
  const pac = [
    'function FindProxyForURL(url, host) {',
    '  if (host == "127.0.0.1") return "DIRECT";',
    `  if (dnsDomainIs(host, "localhost")) return "PROXY localhost:${proxy.port}; DIRECT";`,
    '  return "DIRECT";',
    '}',
  ].join('\n');
  pacServer = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' }).end(pac));
  await new Promise<void>((r) => pacServer.listen(0, '127.0.0.1', r));
  pacUrl = `http://127.0.0.1:${(pacServer.address() as AddressInfo).port}/proxy.pac`;
  // kinit and GSSAPI in this process find the test realm through KRB5_CONFIG, as through an admin's krb5.conf.
  process.env.KRB5_CONFIG = kdc.env.KRB5_CONFIG;
  dir = await tempConfigDir();
}, 60_000);

afterAll(async () => {
  if (savedConfig === undefined) delete process.env.KRB5_CONFIG;
  else process.env.KRB5_CONFIG = savedConfig;
  await new Promise((r) => pacServer?.close(r));
  await sim?.stop();
  await proxy?.stop();
  await kdc?.stop();
});

const cli = (args: string[], input?: string) => runCli(['--config-dir', dir, ...args], { input, now: () => new Date() });

async function addProfile(name: string, host: string, proxyFlags: string[], proxyPassword?: string): Promise<void> {
  const r = await cli(
    [
      'profiles',
      'add',
      '--kind',
      'ews',
      '--name',
      name,
      '--url',
      ewsAt(host),
      '--auth',
      'basic',
      '--username',
      DEMO_ACCOUNT.username,
      '--test-mailbox',
      'anna.schmidt@contoso.com',
      '--ca-file',
      sim.caFile!,
      '--password-stdin',
      ...proxyFlags,
      ...(proxyPassword === undefined ? [] : ['--proxy-password-stdin']),
    ],
    `${DEMO_ACCOUNT.password}\n${proxyPassword === undefined ? '' : `${proxyPassword}\n`}`,
  );
  expect(r.code, r.stderr).toBe(0);
}

/** Access-log lines of CONNECTs to host:port: "407 - 41234", "200 CONTOSO\\px-calpump 41234". */
const connects = (host: string) =>
  proxy
    .accessLog()
    .split('\n')
    .filter((l) => l.startsWith(`CONNECT ${host}:${simPort()} `))
    .map((l) => l.slice(`CONNECT ${host}:${simPort()} HTTP/1.1 `.length));

/** Apache logs a tunnel when it ends (after the CLI closed its connections): wait for the lines wanted. */
async function connectsWhen(host: string, until: (lines: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const lines = connects(host);
    if (until(lines) || Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a PAC file that sends one host through a proxy demanding NTLM and another direct', () => {
  it('localhost goes through the proxy, signed in with NTLM over the connection kept after the 407', async () => {
    await addProfile('routed', 'localhost', ['--proxy-pac', pacUrl, '--proxy-user', `CONTOSO\\${PROXY_USER}`], PROXY_PASSWORD);
    const r = await cli(['profiles', 'test', 'routed']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `proxy: proxy http://localhost:${proxy.port} as CONTOSO\\${PROXY_USER} (from PAC file ${pacUrl}: "PROXY localhost:${proxy.port}; DIRECT")`,
    );
    expect(r.stdout).toMatch(/All \d+ steps passed\./);
    const seen = await connectsWhen('localhost', (l) => l.some((x) => x.startsWith('200 ')));
    const signedIn = seen.filter((l) => l.startsWith(`200 CONTOSO\\\\${PROXY_USER} `));
    expect(signedIn.length).toBeGreaterThan(0);
    // The first tunnel: asked (407), NEGOTIATE answered with a challenge (407), AUTHENTICATE on that connection.
    const [asked, challenged, accepted] = seen;
    expect(asked).toMatch(/^407 - \d+$/);
    expect(challenged).toMatch(/^407 - \d+$/);
    expect(accepted).toMatch(new RegExp(`^200 CONTOSO\\\\\\\\${PROXY_USER} \\d+$`));
    expect(accepted.split(' ').at(-1)).toBe(challenged.split(' ').at(-1));
    // Later tunnels start with NTLM straight away: NEGOTIATE → challenge → AUTHENTICATE, no blind first ask.
    expect(seen.filter((l) => l.startsWith('407')).length).toBe(signedIn.length + 1);
  });

  it('127.0.0.1 goes direct: the proxy never sees it', async () => {
    await addProfile('straight', '127.0.0.1', ['--proxy-pac', pacUrl, '--proxy-user', `CONTOSO\\${PROXY_USER}`], PROXY_PASSWORD);
    const r = await cli(['profiles', 'test', 'straight']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`proxy: direct (PAC file ${pacUrl}: "DIRECT")`);
    expect(connects('127.0.0.1')).toEqual([]);
  });

  it('the doctor names the PAC rule as what decided the route', async () => {
    const before = connects('localhost').length;
    const r = await cli(['doctor', '--profile', 'routed', '--mailbox', 'anna.schmidt@contoso.com']);
    expect(r.stdout).toContain(`proxy http://localhost:${proxy.port}`);
    expect(r.stdout).toContain('decided by a rule in the PAC file');
    // The proxy logs a tunnel when it closes: waited for here, so no line of this run lands in the next test's.
    await connectsWhen('localhost', (l) => l.slice(before).some((x) => x.startsWith('200 ')));
  });

  it('a proxy account given as a UPN signs in with Kerberos (Negotiate) from its password', async () => {
    await addProfile('kerberos', 'localhost', ['--proxy-pac', pacUrl, '--proxy-user', `${PROXY_USER}@contoso.com`], PROXY_PASSWORD);
    const before = connects('localhost').length;
    const r = await cli(['profiles', 'test', 'kerberos']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const kerberos = `200 ${PROXY_USER}@${REALM} `;
    const seen = (await connectsWhen('localhost', (l) => l.slice(before).some((x) => x.startsWith(kerberos)))).slice(before);
    expect(seen.some((l) => l.startsWith(kerberos))).toBe(true);
    expect(seen.some((l) => l.startsWith('200 CONTOSO'))).toBe(false);
  });

  it('a wrong proxy password is net.proxy.authFailed, naming the proxy and the account', async () => {
    await addProfile('wrong', 'localhost', ['--proxy-pac', pacUrl, '--proxy-user', `CONTOSO\\${PROXY_USER}`], 'not-the-password');
    const r = await cli(['profiles', 'test', 'wrong']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[net.proxy.authFailed]');
    expect(r.stdout).toContain(`refused the user name or password of CONTOSO\\${PROXY_USER}`);
    expect(r.stdout).not.toContain('not-the-password');
  });

  it('no proxy account at all: the proxy asks for Negotiate, NTLM; the failure says none is set', async () => {
    await addProfile('anonymous', 'localhost', ['--proxy-pac', pacUrl]);
    const r = await cli(['profiles', 'test', 'anonymous']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[net.proxy.authFailed]');
    expect(r.stdout).toContain('the profile has no proxy user');
  });

  it('plain HTTP through the proxy signs in with NTLM too (absolute-form requests over one connection)', async () => {
    const plain = http.createServer((req, res) => res.end(`plain ${req.method} ${req.url}`));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as AddressInfo).port;
    const secrets = memorySecrets({ [secretKey('p', 'proxyPassword')]: PROXY_PASSWORD });
    const client = await HttpClient.create({
      profileId: 'p',
      proxy: { mode: 'pac', pacUrl, username: `CONTOSO\\${PROXY_USER}` },
      secrets,
      env: {},
      timeoutMs: 20_000,
    });
    try {
      for (const n of [1, 2]) {
        const res = await client.request({ url: `http://localhost:${port}/item/${n}`, method: 'GET' });
        expect(res).toMatchObject({ status: 200, body: `plain GET /item/${n}` });
      }
      const log = proxy.accessLog();
      expect(log).toMatch(new RegExp(`GET http://localhost:${port}/item/1 HTTP/1.1 407 - \\d+`));
      expect(log).toMatch(new RegExp(`GET http://localhost:${port}/item/1 HTTP/1.1 200 CONTOSO\\\\\\\\${PROXY_USER} \\d+`));
      expect(log).toMatch(new RegExp(`GET http://localhost:${port}/item/2 HTTP/1.1 200 CONTOSO\\\\\\\\${PROXY_USER} \\d+`));
    } finally {
      client.close();
      await new Promise((r) => plain.close(r));
    }
  });

  it('a PAC file that cannot be fetched is net.proxy.pac with the reason', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    await addProfile('nopac', 'localhost', ['--proxy-pac', `http://127.0.0.1:${closed}/proxy.pac`]);
    const r = await cli(['profiles', 'test', 'nopac']);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('net.proxy.pac');
    expect(r.stdout + r.stderr).toContain('ECONNREFUSED');
  });
});
