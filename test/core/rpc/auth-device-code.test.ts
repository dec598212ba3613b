// auth.login for a device-code profile through the UI's auth service: the code reaches the host (which publishes
// it as the auth.deviceCode event), the admin enters it on the page, and the sign-in completes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { createAuthService } from '../../../src/core/rpc/auth-service.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { graphProfileSchema } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_PUBLIC, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { browse } from '../auth/support/test-browser.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 1 });
});
afterAll(async () => sim?.stop());

describe('auth.login with the device-code flow', () => {
  it('hands the code to the host with the profile id and an expiry, then signs in', async () => {
    const profile = graphProfileSchema.parse({
      id: 'm365',
      name: 'm365',
      kind: 'graph',
      tenantId: SIM_TENANT_ID,
      clientId: SIM_APP_PUBLIC,
      flow: 'deviceCode',
      authorityHost: sim.url,
      graphHost: sim.url,
      tls: { caFile: sim.caFile },
      proxy: { mode: 'none' },
    });
    const codes: Array<{ profileId: string; userCode: string; verificationUri: string; expiresAt: string }> = [];
    const auth = createAuthService({
      secrets: new MemorySecretStore(),
      logger: nullLogger,
      env: {},
      onDeviceCode: (d) => {
        codes.push(d);
        void browse(d.verificationUri, {
          ca: readFileSync(sim.caFile!, 'utf8'),
          stopAtOrigin: 'http://never',
          fill: { otc: d.userCode, login: 'alice.smith@contoso.com', passwd: 'Passw0rd!' },
        }).catch(() => undefined);
      },
    });
    const status = await auth.login(profile, new AbortController().signal);
    expect(status).toMatchObject({ signedIn: true, account: 'alice.smith@contoso.com' });
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ profileId: 'm365' });
    expect(codes[0].userCode.length).toBeGreaterThan(4);
    expect(Date.parse(codes[0].expiresAt)).toBeGreaterThan(Date.now());
  });
});
