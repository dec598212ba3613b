// What a connector loads: an on-premises (EWS) profile that signs in with a password never loads the Graph
// client, MSAL or the JWT stack MSAL brings (about 80 CommonJS modules, ≈ 30 ms of every CLI command that reads a
// mailbox); a Graph profile does. Each case runs in a fresh Node process, so no other test's imports count.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

/** Builds a connector for the profile in a new process and reports which heavy packages its require cache holds. */
function loadedFor(profile: Record<string, unknown>): { jwt: boolean; graph: boolean } {
  const factory = pathToFileURL(join(SRC, 'core', 'connectors', 'factory.ts')).href;
  const secrets = pathToFileURL(join(SRC, 'core', 'secrets', 'memory-secret-store.ts')).href;
  const logger = pathToFileURL(join(SRC, 'core', 'log', 'logger.ts')).href;
  const script = `
    import { createRequire } from 'node:module';
    const { createConnector } = await import(${JSON.stringify(factory)});
    const { MemorySecretStore } = await import(${JSON.stringify(secrets)});
    const { nullLogger } = await import(${JSON.stringify(logger)});
    const c = await createConnector(${JSON.stringify(profile)}, { secrets: new MemorySecretStore(), logger: nullLogger });
    await c.close?.();
    const keys = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ jwt: keys.some((k) => k.includes('/jsonwebtoken/')), graph: keys.some((k) => k.includes('/@microsoft/microsoft-graph-client/')) }));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { jwt: boolean; graph: boolean };
}

const base = { id: 'p1', name: 'p', proxy: { mode: 'none' }, tls: {} };

describe('what a connector loads', () => {
  it('an EWS profile with a password loads neither the Graph client nor MSAL', () => {
    const ews = { ...base, kind: 'ews', url: 'https://mail.contoso.com/EWS/Exchange.asmx', username: 'svc@contoso.com', auth: 'basic' };
    expect(loadedFor(ews)).toEqual({ jwt: false, graph: false });
  });

  it('a Graph profile loads both (the probe sees them)', () => {
    const graph = {
      ...base,
      kind: 'graph',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '00000000-0000-0000-0000-000000000001',
      flow: 'clientCredentials',
    };
    expect(loadedFor(graph)).toEqual({ jwt: true, graph: true });
  });
});
