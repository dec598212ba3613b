// The simulator authenticates NTLM per TCP connection like IIS (authPersistSingleRequest=false), keeps Basic per
// request, and lets tests drop or forget authenticated connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { createRequire } from 'node:module';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { dropAuthenticatedConnections } from '../../../src/sim/auth/authenticate.js';
import { basic, envelope } from '../support/ews-client.js';

const require = createRequire(import.meta.url);
const ntlm = require('@ewsjs/ntlm-client/lib/ntlm.js') as {
  createType1Message(workstation?: string, target?: string): string;
  decodeType2Message(header: string): unknown;
  createType3Message(type2: unknown, user: string, password: string, workstation?: string, target?: string): string;
};

let sim: RunningSimulator;
const agents: Agent[] = [];
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(async () => {
  for (const a of agents) a.destroy();
  await sim.stop();
});

const body = envelope(
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>',
);

interface Answer {
  status: number;
  wwwAuth: string;
  socket: Socket;
}

function post(agent: Agent, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      sim.ewsUrl,
      { method: 'POST', agent, ca: readFileSync(sim.caFile!), headers: { 'Content-Type': 'text/xml; charset=utf-8', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode!, wwwAuth: String(res.headers['www-authenticate'] ?? ''), socket: req.socket! }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function connection(): Agent {
  const a = new Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(a);
  return a;
}

/** Type 1 → Type 2 → Type 3 on the agent's one connection; returns the Type 3 answer. */
async function handshake(agent: Agent, password = 'Passw0rd!'): Promise<Answer> {
  const challenge = await post(agent, { Authorization: ntlm.createType1Message('WS01', 'CONTOSO') });
  expect(challenge.status).toBe(401);
  const type2 = ntlm.decodeType2Message(/NTLM \S+/.exec(challenge.wwwAuth)![0]);
  return post(agent, { Authorization: ntlm.createType3Message(type2, 'svc-calpump', password, 'WS01', 'CONTOSO') });
}

describe('NTLM is bound to the connection', () => {
  it('after a handshake the same connection needs no Authorization; a new connection gets 401 NTLM', async () => {
    const a = connection();
    const done = await handshake(a);
    expect(done.status).toBe(200);
    const again = await post(a);
    expect(again.status).toBe(200);
    expect(again.socket).toBe(done.socket);
    const other = await post(connection());
    expect(other.status).toBe(401);
    expect(other.wwwAuth).toContain('NTLM');
  });

  it('a failed handshake leaves the connection unauthenticated', async () => {
    const a = connection();
    expect((await handshake(a, 'wrong')).status).toBe(401);
    expect((await post(a)).status).toBe(401);
  });

  it("'forget' keeps the connection open but the next request without Authorization gets 401", async () => {
    const a = connection();
    const done = await handshake(a);
    expect(dropAuthenticatedConnections(sim.world, 'forget')).toBeGreaterThanOrEqual(1);
    const after = await post(a);
    expect(after.status).toBe(401);
    expect(after.wwwAuth).toContain('NTLM');
    expect(after.socket).toBe(done.socket);
    expect((await handshake(a)).status).toBe(200);
    expect((await post(a)).status).toBe(200);
  });

  it("'close' closes authenticated connections; nothing left to drop afterwards", async () => {
    const a = connection();
    const done = await handshake(a);
    const closed = new Promise((r) => done.socket.once('close', r));
    expect(dropAuthenticatedConnections(sim.world, 'close')).toBeGreaterThanOrEqual(1);
    await closed;
    expect(dropAuthenticatedConnections(sim.world, 'close')).toBe(0);
    expect((await post(a)).status).toBe(401);
  });

  it('Basic stays per request: the next request on the connection without Authorization gets 401', async () => {
    const a = connection();
    expect((await post(a, basic('svc-calpump@contoso.com'))).status).toBe(200);
    expect((await post(a)).status).toBe(401);
    expect(dropAuthenticatedConnections(sim.world, 'forget')).toBe(0);
  });
});
