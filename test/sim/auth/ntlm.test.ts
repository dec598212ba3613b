import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { envelope } from '../support/ews-client.js';
import { md4Js } from '../../../src/sim/auth/md4.js';
import { ntHash } from '../../../src/sim/auth/ntlm.js';

const require = createRequire(import.meta.url);
const ntlm = require('@ewsjs/ntlm-client/lib/ntlm.js') as {
  createType1Message(workstation?: string, target?: string): string;
  decodeType2Message(header: string): unknown;
  createType3Message(type2: unknown, user: string, password: string, workstation?: string, target?: string): string;
};

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const body = envelope(
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>',
);

function post(agent: Agent, auth?: string): Promise<{ status: number; wwwAuth: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      sim.ewsUrl,
      {
        method: 'POST',
        agent,
        ca: readFileSync(sim.caFile!),
        headers: { 'Content-Type': 'text/xml; charset=utf-8', ...(auth ? { Authorization: auth } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const raw = res.rawHeaders;
          const wwwAuth: string[] = [];
          for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'www-authenticate') wwwAuth.push(raw[i + 1]);
          resolve({ status: res.statusCode!, wwwAuth, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The full three-leg handshake on one keep-alive connection, as @ewsjs/xhr does it. */
async function handshake(user: string, password: string, domain?: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await post(agent);
    expect(first.status).toBe(401);
    expect(first.wwwAuth).toEqual(expect.arrayContaining(['NTLM', 'Negotiate']));
    const challenge = await post(agent, ntlm.createType1Message('WS01', domain));
    expect(challenge.status).toBe(401);
    const type2 = ntlm.decodeType2Message(challenge.wwwAuth[0]) as { targetInfo: { parsed: Record<string, string> } };
    expect(type2.targetInfo.parsed).toMatchObject({ DOMAIN: 'CONTOSO', DNS: 'contoso.com' });
    const final = await post(agent, ntlm.createType3Message(type2, user, password, 'WS01', domain));
    // Later requests on the same connection stay authenticated without a header.
    const again = final.status === 200 ? await post(agent) : undefined;
    return { final, again };
  } finally {
    agent.destroy();
  }
}

describe('NTLM', () => {
  it('implements MD4 (RFC 1320 vectors) and the NT hash', () => {
    expect(md4Js(Buffer.from('abc')).toString('hex')).toBe('a448017aaf21d8525fc10ae87aa6729d');
    expect(ntHash('Passw0rd!').toString('hex')).toBe(md4Js(Buffer.from('Passw0rd!', 'utf16le')).toString('hex'));
  });

  it('authenticates NTLMv2 from @ewsjs/ntlm-client with sAMAccountName + domain', async () => {
    const { final, again } = await handshake('svc-calpump', 'Passw0rd!', 'CONTOSO');
    expect(final.status).toBe(200);
    expect(final.body).toContain('NoError');
    expect(again?.status).toBe(200);
  });

  it('authenticates a UPN whose suffix differs from the mail domain', async () => {
    const { final } = await handshake('b.jones@corp.contoso.local', 'Passw0rd!');
    expect(final.status).toBe(200);
  });

  it('rejects a wrong password', async () => {
    const { final } = await handshake('svc-calpump', 'wrong-password', 'CONTOSO');
    expect(final.status).toBe(401);
  });

  it('does not offer NTLM when only Basic is enabled', async () => {
    sim.faults.authSchemes = ['Basic'];
    try {
      const agent = new Agent({ keepAlive: true });
      const r = await post(agent);
      expect(r.wwwAuth).toEqual([expect.stringMatching(/^Basic realm=/)]);
      const type1 = await post(agent, ntlm.createType1Message('WS01', 'CONTOSO'));
      expect(type1.status).toBe(401);
      expect(type1.wwwAuth.some((h) => h.startsWith('NTLM '))).toBe(false);
      agent.destroy();
    } finally {
      sim.faults.clear();
    }
  });
});
