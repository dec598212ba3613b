import * as net from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeDns, type Resolver } from '../../../../src/core/doctor/probes/dns.js';
import { probeTcp } from '../../../../src/core/doctor/probes/tcp.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const notFound: Resolver = {
  lookup: async (h) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), { code: 'ENOTFOUND' });
  },
};
const fixed: Resolver = { lookup: async () => [{ address: '10.1.2.3', family: 4 }] };

describe('probeDns', () => {
  it('uses the injected resolver', async () => {
    expect((await probeDns('mail.contoso.com', fixed)).addresses).toEqual([{ address: '10.1.2.3', family: 4 }]);
  });
  it('fails with net.dns naming the host', async () => {
    const err = await calpumpFailure(probeDns('mail.contoso.com', notFound));
    expect(err.id).toBe('net.dns');
    expect(err.params.host).toBe('mail.contoso.com');
  });
  it('treats an IP literal as resolved without asking DNS', async () => {
    const r = await probeDns('[::1]', notFound);
    expect(r).toMatchObject({ literal: true, addresses: [{ address: '::1', family: 6 }] });
  });
  it('fails when the resolver returns nothing', async () => {
    await expect(probeDns('x.contoso.com', { lookup: async () => [] })).rejects.toMatchObject({ id: 'net.dns' });
  });
});

describe('probeTcp', () => {
  it('connects to a listening port', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const r = await probeTcp({ host: 'localhost', address: '127.0.0.1', port, timeoutMs: 5000 });
    server.close();
    expect(r.remote).toBe(`127.0.0.1:${port}`);
  });
  it('reports a refused port as net.refused with host and port', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const err = await calpumpFailure(probeTcp({ host: 'mail.contoso.com', address: '127.0.0.1', port, timeoutMs: 5000 }));
    expect(err.id).toBe('net.refused');
    expect(err.render().message).toContain(`mail.contoso.com refused the connection on port ${port}`);
  });
});
