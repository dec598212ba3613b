// @vitest-environment jsdom
// The two-way screen: a run sends the rule built from the form (side B on another profile) and shows the counts;
// the conflict list shows both versions, a deleted side as such.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TwoWayView } from '../../../../src/renderer/views/twoway/TwoWayView.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

const profiles = [
  { profile: { id: 'p1', name: 'On-prem', kind: 'ews' }, secrets: {} },
  { profile: { id: 'p2', name: 'Cloud', kind: 'graph' }, secrets: {} },
] as unknown as ProfileView[];
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('TwoWayView', () => {
  it('runs the rule from the form and lists its conflicts', async () => {
    const fake = fakeClient({
      'profiles.list': () => ({ profiles }),
      'twoway.run': () => ({ rule: 'r1', created: { a: 1, b: 2 }, updated: { a: 0, b: 3 }, deleted: { a: 0, b: 0 }, unchanged: 7, conflicts: [], errors: [] }),
      'twoway.conflicts': () => ({
        conflicts: [{ time: '2026-03-10T09:00:00.000Z', rule: 'r1', key: 'k', master: 'a', winner: 'a', action: 'update', a: { subject: 'Board', start: '2026-03-11T09:00:00.000Z' }, b: null }],
      }),
    });
    renderWithApp(<TwoWayView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
    change('twoway-ruleId', 'r1');
    change('twoway-mailboxA', 'anna.schmidt@contoso.com');
    change('twoway-mailboxB', 'anna@contoso.onmicrosoft.com');
    await waitFor(() => expect(screen.getByTestId('twoway-profileB').textContent).toContain('Cloud'));
    change('twoway-profileB', 'p2');
    change('twoway-master', 'b');
    await act(async () => fireEvent.click(screen.getByTestId('twoway-run')));
    await waitFor(() => expect(screen.getByTestId('twoway-result')).toBeTruthy());
    expect(fake.calls.find((c) => c.method === 'twoway.run')!.input).toEqual({
      profileId: 'p1',
      rule: { id: 'r1', a: { mailbox: 'anna.schmidt@contoso.com' }, b: { mailbox: 'anna@contoso.onmicrosoft.com', profile: 'p2' }, master: 'b' },
      opId: expect.any(String),
    });
    expect(screen.getByTestId('twoway-result').textContent).toBe(translate('en', 'twoway.result', { ca: 1, cb: 2, ua: 0, ub: 3, da: 0, db: 0, unchanged: 7 }));
    await act(async () => fireEvent.click(screen.getByTestId('twoway-loadConflicts')));
    await waitFor(() => expect(screen.getByTestId('twoway-conflict-0')).toBeTruthy());
    const row = screen.getByTestId('twoway-conflict-0').textContent ?? '';
    expect(row).toContain('Board · 2026-03-11T09:00:00.000Z');
    expect(row).toContain(translate('en', 'twoway.deleted'));
  });
});
