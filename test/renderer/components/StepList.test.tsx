// @vitest-environment jsdom
// A test or doctor run's steps are ONE Tab stop: every step is focusable for the arrow keys of one group (Tabster's
// mover on the list), and "trust this certificate" — a control, not a step — comes after the list as its own stop.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StepList, type Step } from '../../../src/renderer/components/StepList.js';
import { fakeClient } from '../support/fake-client.js';
import { renderWithApp } from '../support/render.js';

afterEach(cleanup);

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');
const steps: Step[] = [
  { id: 'dns', title: { key: 'step.dns.title' }, status: 'pass', durationMs: 3 },
  {
    id: 'tls.trust',
    title: { key: 'step.tls.trust.title' },
    status: 'fail',
    durationMs: 12,
    error: {
      id: 'net.tls.untrusted',
      params: { host: 'mail.contoso.com', reason: 'self-signed', subject: 'CN=mail', issuer: 'CN=mail', fingerprint: FINGERPRINT },
    },
  },
  { id: 'auth', title: { key: 'step.auth.title' }, status: 'skipped', durationMs: 0, needs: 'tls.trust' },
];

describe('StepList', () => {
  it('is one arrow-key group of focusable steps, with the certificate action after it', () => {
    renderWithApp(
      <StepList result={{ ok: false, steps, details: {} }} onTrustCertificate={() => undefined} testId="t" />,
      fakeClient({}).client,
    );
    const list = screen.getByTestId('t-list');
    expect(list.getAttribute('data-tabster')).toContain('mover');
    const rows = within(list).getAllByTestId('t-step');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, 0, 0]);
    // Nothing else in the list takes focus: Tab leaves it at once.
    expect(list.querySelectorAll('button, a[href], input, select, textarea')).toHaveLength(0);
    const trust = screen.getByTestId('t-cert-trust');
    expect(list.contains(trust)).toBe(false);
    expect(screen.getByTestId('t-cert-fingerprint').textContent).toContain(FINGERPRINT);
  });

  it('shows the step still running as part of the same group', () => {
    renderWithApp(<StepList live={steps.slice(0, 1)} running testId="t" />, fakeClient({}).client);
    const list = screen.getByTestId('t-list');
    expect(within(list).getByTestId('t-running').tabIndex).toBe(0);
  });
});
