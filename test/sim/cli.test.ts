import { describe, expect, it } from 'vitest';
import { runSimCommand } from '../../src/sim/cli.js';

describe('runSimCommand', () => {
  it('prints how to connect, serves until aborted, then exits 0', async () => {
    let out = '';
    const stdout = { write: (s: string) => (out += s) };
    const stderr = { write: () => undefined };
    const ac = new AbortController();
    const done = runSimCommand({ port: 0, eventsPerMailbox: 2, seed: 7, tls: false }, { stdout, stderr, signal: ac.signal });
    for (let i = 0; i < 200 && !out.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 25));
    const ews = /EWS:\s+(\S+)/.exec(out)![1];
    expect(out).toContain('seed 7');
    expect(out).toContain('svc-calpump@contoso.com');
    const res = await fetch(ews, { headers: { Authorization: 'Basic ' + Buffer.from('svc-calpump:Passw0rd!').toString('base64') } });
    expect(res.status).toBe(200);
    ac.abort();
    expect(await done).toBe(0);
    expect(out).toContain('Simulator stopped.');
  });

  it('reports a busy port as a failure with a fix', async () => {
    let err = '';
    const net = await import('node:net');
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const code = await runSimCommand(
      { port, tls: false, eventsPerMailbox: 0 },
      { stdout: { write: () => undefined }, stderr: { write: (s: string) => (err += s) } },
    );
    blocker.close();
    expect(code).toBe(1);
    expect(err).toContain(`port ${port} is already in use`);
  });
});
