import { describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { runSteps, type StepSpec } from '../../../src/core/doctor/runner.js';
import { renderStep } from '../../../src/shared/i18n/steps.js';
import { stepError } from '../../support/rendered.js';

type Ctx = { ran: string[] };
const ok = (id: StepSpec<Ctx>['id'], needs?: StepSpec<Ctx>['needs']): StepSpec<Ctx> => ({
  id,
  needs,
  run: async (c) => (c.ran.push(id), { evidence: `${id} ok` }),
});

describe('runSteps', () => {
  it('runs every step in order when all pass, with timings from the injected clock', async () => {
    let t = 0;
    const ctx = { ran: [] as string[] };
    const steps = await runSteps([ok('proxy'), ok('dns.host', ['proxy']), ok('tcp', ['dns.host'])], ctx, {
      clock: () => (t += 5),
    });
    expect(ctx.ran).toEqual(['proxy', 'dns.host', 'tcp']);
    expect(steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(steps[0]).toMatchObject({ title: { key: 'doctor.step.proxy' }, durationMs: 5, evidence: 'proxy ok' });
    expect(renderStep(steps[0], steps, 'en').title).toBe('Proxy in use');
  });

  it('fails a step with the catalogue entry and skips only what depends on it', async () => {
    const ctx = { ran: [] as string[] };
    const failing: StepSpec<Ctx> = {
      id: 'tls.handshake',
      needs: ['tcp'],
      run: async () => {
        throw new CalpumpError('net.tls.expired', {
          params: { host: 'mail.contoso.com', subject: 'CN=mail', validTo: '2020-01-01' },
          evidence: 'valid … 2020-01-01',
        });
      },
    };
    const steps = await runSteps(
      [
        ok('tcp'),
        failing,
        ok('tls.trust', ['tls.handshake']),
        ok('tls.hostname', ['tcp']),
        ok('http.endpoint', ['tls.trust', 'tls.hostname']),
      ],
      ctx,
      {},
    );
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ['tcp', 'pass'],
      ['tls.handshake', 'fail'],
      ['tls.trust', 'skipped'],
      ['tls.hostname', 'pass'],
      ['http.endpoint', 'skipped'],
    ]);
    expect(steps[1]).toMatchObject({ error: { id: 'net.tls.expired' }, evidence: 'valid … 2020-01-01' });
    expect(stepError(steps[1]).message).toContain('mail.contoso.com');
    expect(stepError(steps[1]).fix).toContain('Enable-ExchangeCertificate');
    expect(stepError(steps[1], 'de').causes?.[0]).toMatch(/Zertifikat/);
    expect(steps[2]).toMatchObject({ needs: 'tls.handshake' });
    expect(renderStep(steps[2], steps, 'de').detail).toBe('Übersprungen: braucht „TLS-Handshake“, das nicht bestanden wurde.');
    expect(renderStep(steps[4], steps, 'de').detail).toContain('Zertifikatskette');
    expect(ctx.ran).toEqual(['tcp', 'tls.hostname']);
  });

  it('wraps an unexpected exception so the report still renders', async () => {
    const steps = await runSteps(
      [
        {
          id: 'proxy',
          run: async () => {
            throw new TypeError('boom');
          },
        },
      ],
      { ran: [] },
      {},
    );
    expect(steps[0]).toMatchObject({ status: 'fail', error: { id: 'internal.unexpected' }, evidence: 'boom' });
  });

  it('carries the delay note of entries whose fix takes time', async () => {
    const steps = await runSteps(
      [
        {
          id: 'mailbox.access',
          run: async () => {
            throw new CalpumpError('ews.impersonation.denied', { params: { username: 'svc', mailbox: 'a@b.c' } });
          },
        },
      ],
      { ran: [] },
      {},
    );
    expect(stepError(steps[0], 'nl').delay).toMatch(/10 minuten/);
  });
});
