import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { CalpumpError } from '../../../../src/core/errors/calpump-error.js';
import { loadTlsPolicy } from '../../../../src/core/net/tls-policy.js';
import { probeTls, type TlsTarget } from '../../../../src/core/doctor/probes/tls.js';
import { verifyChain } from '../../../../src/core/doctor/probes/chain-trust.js';
import { readFixture, startLocalServer, tlsDir, type LocalServer } from '../../../support/local-tls-server.js';
import { X509Certificate } from 'node:crypto';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const direct = { kind: 'direct' as const, why: 'none' as const, source: { key: 'proxy.source.noVariable' } };
let caSigned: LocalServer;
let selfSigned: LocalServer;

beforeAll(async () => {
  caSigned = await startLocalServer('ca-signed');
  selfSigned = await startLocalServer('self-signed');
});
afterAll(async () => {
  await caSigned.close();
  await selfSigned.close();
});

async function target(
  port: number,
  over: Partial<TlsTarget> = {},
  tls: { caFile?: string; pinnedSha256?: string } = { caFile: path.join(tlsDir, 'ca.pem') },
): Promise<TlsTarget> {
  return { host: '127.0.0.1', address: '127.0.0.1', port, route: direct, policy: await loadTlsPolicy(tls), timeoutMs: 5000, ...over };
}

describe('probeTls', () => {
  it('reports a certificate from the profile CA as trusted, valid and matching', async () => {
    const r = await probeTls(await target(caSigned.port));
    expect(r.trust).toMatchObject({ ok: true });
    expect(r.validity.ok).toBe(true);
    expect(r.hostname.ok).toBe(true);
    expect(r.subject).toContain('CN=localhost');
    expect(r.issuer).toContain('Calpump Test Root CA');
    expect(r.names).toContain('127.0.0.1');
    expect(r.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('does not trust the same certificate with the system CAs only', async () => {
    const r = await probeTls(await target(caSigned.port, {}, {}));
    expect(r.trust.ok).toBe(false);
    expect(r.trust.code).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });

  it('recognises a self-signed certificate', async () => {
    const r = await probeTls(await target(selfSigned.port));
    expect(r.trust).toMatchObject({ ok: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('accepts a self-signed certificate that is pinned, and nothing else', async () => {
    const fp = new X509Certificate(readFixture('other.pem')).fingerprint256;
    const pinned = await probeTls(await target(selfSigned.port, {}, { pinnedSha256: fp }));
    expect(pinned.trust.ok).toBe(true);
    const other = await probeTls(await target(caSigned.port, {}, { pinnedSha256: fp }));
    expect(other.trust).toMatchObject({ ok: false, code: 'PIN_MISMATCH' });
  });

  it('judges the validity dates apart from the chain (an expired cert from a trusted CA)', async () => {
    const r = await probeTls(await target(caSigned.port, { now: () => new Date('2200-01-01T00:00:00Z') }));
    expect(r.validity).toEqual({ ok: false, code: 'CERT_HAS_EXPIRED' });
    expect(r.trust.ok).toBe(true);
  });

  it('flags a host name that is not on the certificate', async () => {
    const r = await probeTls(await target(caSigned.port, { host: 'mail.contoso.com' }));
    expect(r.hostname.ok).toBe(false);
    expect(r.hostname.reason).toMatch(/mail\.contoso\.com/);
  });

  it('names a port that does not speak TLS', async () => {
    const net = await import('node:net');
    const plain = net.createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as import('node:net').AddressInfo).port;
    const err = await calpumpFailure(probeTls(await target(port)));
    plain.close();
    expect(err).toBeInstanceOf(CalpumpError);
    expect(err.id).toBe('net.tls.handshakeFailed');
  });
});

describe('verifyChain', () => {
  const der = (pem: string) => new X509Certificate(pem).raw;
  it('trusts a leaf issued by an anchor', () => {
    expect(verifyChain([der(readFixture('server.pem'))], [readFixture('ca.pem')])).toEqual({ ok: true });
  });
  it('does not trust it against unrelated anchors', () => {
    expect(verifyChain([der(readFixture('server.pem'))], [readFixture('other.pem')]).code).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });
  it('trusts a self-signed leaf only when it is itself an anchor', () => {
    expect(verifyChain([der(readFixture('other.pem'))], [readFixture('ca.pem')]).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(verifyChain([der(readFixture('other.pem'))], [readFixture('other.pem')]).ok).toBe(true);
  });
});
