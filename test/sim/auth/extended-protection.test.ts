// The simulator's Extended Protection (IIS token checking None / Allow / Require on EWS) with clients nobody here
// wrote as well as ours: Python's requests_ntlm (Debian's python3-requests-ntlm: channel binding from the TLS
// certificate, MIC) must get in with Require, and without its binding only where Allow or None lets it. Our
// NtlmClient bound to another certificate (what a TLS-inspecting proxy causes) is refused by Allow and Require.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request, type RequestOptions } from 'node:https';
import * as http from 'node:http';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntlmChannelBindings } from '../../../src/core/connectors/ews/transport/channel-binding.js';
import { NtlmClient } from '../../../src/core/connectors/ews/transport/ntlm/ntlm-client.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { envelope } from '../support/ews-client.js';

const PASSWORD = 'Passw0rd!';
const USER = 'CONTOSO\\svc-calpump';
const OTHER_CERT = new X509Certificate(readFileSync(join(__dirname, '../../fixtures/ews/tls/other.pem'))).raw;

let sim: RunningSimulator;
let plain: RunningSimulator;
let dir: string;
let opensslConf: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calpump-ep-'));
  opensslConf = join(dir, 'openssl-legacy.cnf');
  writeFileSync(opensslConf, LEGACY_OPENSSL);
  sim = await startSimulator({ eventsPerMailbox: 0, extendedProtection: 'Require' });
  plain = await startSimulator({ eventsPerMailbox: 0, tls: false, extendedProtection: 'Require' });
});
afterAll(async () => {
  await sim?.stop();
  await plain?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const body = envelope(
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>',
);

function post(url: string, agent: http.Agent, authorization: string): Promise<{ status: number; wwwAuth: string; cert?: Buffer }> {
  const tls = url.startsWith('https:');
  const opts: RequestOptions = {
    method: 'POST',
    agent,
    ...(tls ? { ca: readFileSync(sim.caFile!) } : {}),
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Authorization: authorization },
  };
  return new Promise((resolve, reject) => {
    const req = (tls ? request : http.request)(url, opts, (res) => {
      res.resume();
      res.on('end', () => {
        const socket = req.socket as import('node:tls').TLSSocket;
        const cert = tls ? socket.getPeerX509Certificate?.()?.raw : undefined;
        resolve({ status: res.statusCode!, wwwAuth: String(res.headers['www-authenticate'] ?? ''), cert });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Our client, with the binding chosen by the test: 'server' (from the certificate seen), 'other', or none. */
async function ours(
  target: RunningSimulator,
  binding: 'server' | 'other' | 'none',
  targetName = `HTTP/127.0.0.1`,
  password = PASSWORD,
): Promise<number> {
  const tls = target.ewsUrl.startsWith('https:');
  const agent = tls ? new Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const client = new NtlmClient({ username: USER, password });
    const first = await post(target.ewsUrl, agent, `NTLM ${client.negotiateMessage().toString('base64')}`);
    const challenge = /NTLM ([A-Za-z0-9+/=]+)/.exec(first.wwwAuth)![1];
    const channelBindings =
      binding === 'server' ? ntlmChannelBindings(first.cert!) : binding === 'other' ? ntlmChannelBindings(OTHER_CERT) : undefined;
    const type3 = client.authenticateMessage(Buffer.from(challenge, 'base64'), { channelBindings, targetName });
    return (await post(target.ewsUrl, agent, `NTLM ${type3.toString('base64')}`)).status;
  } finally {
    agent.destroy();
  }
}

const PYTHON_CLIENT = `
import sys, warnings, requests
from requests_ntlm import HttpNtlmAuth
warnings.simplefilter('ignore')
url, ca, user, password, cbt, body = sys.argv[1:7]
r = requests.post(url, data=body.encode(), headers={'Content-Type': 'text/xml; charset=utf-8'},
                  auth=HttpNtlmAuth(user, password, send_cbt=(cbt == '1')), verify=ca, timeout=20)
print(r.status_code)
`;

/** ntlm_auth needs MD4, which OpenSSL 3 keeps in its legacy provider: an OpenSSL config that loads it. */
const LEGACY_OPENSSL = [
  'openssl_conf = openssl_init',
  '[openssl_init]',
  'providers = provider_sect',
  '[provider_sect]',
  'default = default_sect',
  'legacy = legacy_sect',
  '[default_sect]',
  'activate = 1',
  '[legacy_sect]',
  'activate = 1',
  '',
].join('\n');

/** requests_ntlm (ntlm_auth 1.4) from Debian's /usr/bin/python3: NTLMv2 with MIC, channel binding when asked. */
function python(withBinding: boolean): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile(
      '/usr/bin/python3',
      ['-c', PYTHON_CLIENT, sim.ewsUrl, sim.caFile!, USER, PASSWORD, withBinding ? '1' : '0', body],
      { env: { ...process.env, OPENSSL_CONF: opensslConf } },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(Number(stdout.trim()))),
    ),
  );
}

describe('Extended Protection in the simulator', () => {
  it('Require: requests_ntlm with its channel binding gets in; without it, it is refused', async () => {
    sim.faults.extendedProtection = 'Require';
    expect(await python(true)).toBe(200);
    expect(await python(false)).toBe(401);
  });

  it('Allow: a client without a binding gets in, as does a correct one', async () => {
    sim.faults.extendedProtection = 'Allow';
    try {
      expect(await python(false)).toBe(200);
      expect(await python(true)).toBe(200);
    } finally {
      sim.faults.extendedProtection = 'Require';
    }
  });

  it('Require and Allow refuse a binding to another certificate; None ignores it', async () => {
    expect(await ours(sim, 'server')).toBe(200);
    expect(await ours(sim, 'other')).toBe(401);
    expect(await ours(sim, 'none')).toBe(401);
    sim.faults.extendedProtection = 'Allow';
    try {
      expect(await ours(sim, 'other')).toBe(401);
      expect(await ours(sim, 'none')).toBe(200);
      sim.faults.extendedProtection = 'None';
      expect(await ours(sim, 'other')).toBe(200);
    } finally {
      sim.faults.extendedProtection = 'Require';
    }
  });

  it('a refusal looks exactly like a wrong password (401 with the same challenge), as IIS answers it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const client = new NtlmClient({ username: USER, password: PASSWORD });
      const first = await post(sim.ewsUrl, agent, `NTLM ${client.negotiateMessage().toString('base64')}`);
      const challenge = Buffer.from(/NTLM ([A-Za-z0-9+/=]+)/.exec(first.wwwAuth)![1], 'base64');
      const refused = await post(
        sim.ewsUrl,
        agent,
        `NTLM ${client.authenticateMessage(challenge, { channelBindings: ntlmChannelBindings(OTHER_CERT) }).toString('base64')}`,
      );
      expect(refused.status).toBe(401);
      expect(refused.wwwAuth).toContain('NTLM');
      expect(await ours(sim, 'server', 'HTTP/127.0.0.1', 'wrong')).toBe(401);
    } finally {
      agent.destroy();
    }
  });

  it('over plain HTTP, Require checks the service binding (MsvAvTargetName) instead', async () => {
    expect(await ours(plain, 'none', 'HTTP/127.0.0.1')).toBe(200);
    expect(await ours(plain, 'none', 'HTTP/other.contoso.com')).toBe(401);
  });
});
