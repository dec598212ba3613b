// The AuthService hosts hand to the RPC layer: login through the host's URL callback, status, logout, cancel.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../../src/core/auth/auth-service.js';
import type { AuthService } from '../../../src/core/rpc/services.js';
import { graphProfileSchema } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_PUBLIC, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { authHarness } from './support/auth-harness.js';
import { browse, freePort } from './support/test-browser.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 2 });
});
afterAll(async () => sim?.stop());

async function setup(drive: boolean) {
  const port = await freePort();
  const h = await authHarness(sim.caFile, 'svc1');
  const profile = graphProfileSchema.parse({
    id: 'svc1',
    name: 'desktop',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_PUBLIC,
    flow: 'interactive',
    redirectUri: `http://127.0.0.1:${port}/`,
    authorityHost: sim.url,
    graphHost: sim.url,
    tls: { caFile: sim.caFile },
    proxy: { mode: 'none' },
  });
  const actions: string[] = [];
  const service: AuthService = createAuthService({
    secrets: h.secrets,
    logger: h.logger,
    onUserAction: (a) => {
      actions.push(a.kind);
      if (a.kind === 'url' && drive) {
        void browse(a.url, {
          ca: readFileSync(sim.caFile!, 'utf8'),
          stopAtOrigin: `http://127.0.0.1:${port}`,
          fill: { login: 'bob.jones@contoso.com', passwd: 'Passw0rd!' },
        });
      }
    },
  });
  return { service, profile, actions };
}

describe('createAuthService', () => {
  it('signs in, reports status, signs out', async () => {
    const { service, profile, actions } = await setup(true);
    expect(await service.status(profile)).toMatchObject({ signedIn: false });
    expect(await service.login(profile, new AbortController().signal)).toEqual({ signedIn: true, account: 'b.jones@corp.contoso.local' });
    expect(actions).toEqual(['url']);
    const s = await service.status(profile);
    expect(s.signedIn).toBe(true);
    expect(s.expiresAt).toMatch(/^\d{4}-/);
    await service.logout(profile);
    expect((await service.status(profile)).signedIn).toBe(false);
  });

  it('stops waiting when the host cancels', async () => {
    const { service, profile } = await setup(false);
    const ctl = new AbortController();
    const pending = service.login(profile, ctl.signal);
    setTimeout(() => ctl.abort(), 50);
    await expect(pending).rejects.toMatchObject({ id: 'auth.login.cancelled' });
  });

  it('does not wait when the host cancelled before the sign-in began (however slow the start)', async () => {
    const { service, profile } = await setup(false);
    const ctl = new AbortController();
    ctl.abort();
    await expect(service.login(profile, ctl.signal)).rejects.toMatchObject({ id: 'auth.login.cancelled' });
  });
});
