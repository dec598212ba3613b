import { describe, expect, it } from 'vitest';
import { startSimulator, type TlsMode } from '../../../src/sim/index.js';
import { basic, rawRequest } from '../support/ews-client.js';

async function tryMode(mode: TlsMode): Promise<string> {
  const sim = await startSimulator({ tlsMode: mode, eventsPerMailbox: 0 });
  try {
    const r = await rawRequest(sim, '/EWS/Exchange.asmx', undefined, basic('svc-calpump@contoso.com'), 'GET');
    return `ok ${r.status}`;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  } finally {
    await sim.stop();
  }
}

describe('simulator TLS modes', () => {
  it('serves a certificate signed by the per-run CA, with a SHA-256 fingerprint for pinning', async () => {
    const sim = await startSimulator({ eventsPerMailbox: 0 });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.caFile).toMatch(/ca\.pem$/);
      expect(sim.certSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    } finally {
      await sim.stop();
    }
    expect(await tryMode('trusted')).toBe('ok 200');
  });

  it('lets tests reproduce self-signed, expired and wrong-host certificates', async () => {
    expect(await tryMode('selfSigned')).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(await tryMode('expired')).toBe('CERT_HAS_EXPIRED');
    expect(await tryMode('wrongHost')).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('runs plain HTTP when tls is false', async () => {
    const sim = await startSimulator({ tls: false, eventsPerMailbox: 0 });
    try {
      expect(sim.url).toMatch(/^http:\/\//);
      expect(sim.caFile).toBeUndefined();
      const r = await rawRequest(sim, '/EWS/Exchange.asmx', undefined, basic('svc-calpump@contoso.com'), 'GET');
      expect(r.status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});
