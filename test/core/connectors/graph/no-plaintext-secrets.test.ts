// Client secret, access/refresh tokens and the serialized token cache never reach the config folder in
// plaintext, nor the log file, nor an error text — checked by grepping everything written.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import { HttpClient } from '../../../../src/core/net/index.js';
import { httpSendFromClient } from '../../../../src/core/auth/net-http-send.js';
import { createLogger } from '../../../../src/core/log/create-logger.js';
import { RotatingFileSink } from '../../../../src/core/log/sinks.js';
import { FileSecretStore } from '../../../../src/core/secrets/file-secret-store.js';
import { secretKey } from '../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { SIM_APP_DAEMON_SECRET } from '../../../../src/sim/oauth/index.js';
import { collect, simGraphProfile } from './support.js';

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 5 });
  dir = mkdtempSync(join(tmpdir(), 'calpump-graph-secrets-'));
});
afterAll(async () => {
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function everything(root: string): string {
  let out = '';
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    out += statSync(p).isDirectory() ? everything(p) : readFileSync(p).toString('latin1');
  }
  return out;
}

describe('no plaintext secrets', () => {
  it('keeps secret, tokens and cache out of files, logs and errors', async () => {
    const env = { CALPUMP_SECRET_KEY: 'x'.repeat(40) } as NodeJS.ProcessEnv;
    const secrets = new FileSecretStore({ dir, env });
    const logger = createLogger({
      sinks: [new RotatingFileSink({ path: join(dir, 'logs', 'calpump.log'), level: 'trace' })],
      level: 'all',
    });
    const profile = simGraphProfile(sim);
    await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);

    const seen: string[] = [];
    const client = await HttpClient.create({ profileId: profile.id, tls: profile.tls, proxy: profile.proxy, secrets, timeoutMs: 10_000 });
    const real = httpSendFromClient(client);
    const http: typeof real = async (req) => {
      const auth = req.headers?.Authorization;
      if (auth) seen.push(auth.replace(/^Bearer /, ''));
      const res = await real(req);
      const token = /"access_token":"([^"]+)"/.exec(res.body)?.[1];
      if (token) seen.push(token);
      return res;
    };
    const connector = createGraphConnector(profile, { secrets, logger }, { http });
    const from = new Date(`${sim.world.anchor}T00:00:00Z`);
    await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', from, new Date(from.getTime() + 14 * 86_400_000)));
    await connector.test('carol.evans@contoso.com');
    sim.faults.stage({ kind: 'tokenExpired', times: 1 });
    await connector.listMailboxes('anna');

    const bad = createGraphConnector({ ...profile, id: 'g2' }, { secrets, logger }, { http });
    await secrets.set(secretKey('g2', 'clientSecret'), 'wrong-secret-value-123');
    const err = await bad.listMailboxes().then(
      () => undefined,
      (e: { info(): unknown; evidence?: string; message: string }) => e,
    );
    expect(err).toBeDefined();
    const errorText = JSON.stringify([err!.info(), err!.evidence, err!.message]);

    expect(seen.length).toBeGreaterThan(1);
    expect(await secrets.get(secretKey(profile.id, 'tokenCache'))).toContain('AccessToken');
    const written = everything(dir);
    expect(written).toContain('graph.token.refreshed'); // the log file was written and is part of the grep
    expect(written.length).toBeGreaterThan(100);
    for (const s of [SIM_APP_DAEMON_SECRET, 'wrong-secret-value-123', ...seen]) {
      expect(written.includes(s), 'found a secret on disk').toBe(false);
      expect(errorText.includes(s), 'found a secret in an error').toBe(false);
    }
    expect(written).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    expect(written).not.toMatch(/"(AccessToken|RefreshToken)"\s*:/);
    client.close();
    await connector.close();
  });
});
