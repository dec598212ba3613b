// @vitest-environment jsdom
// The free/busy screen: a bad range or mailbox list is refused before sending; the blocks come back per mailbox.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FreeBusyView, freeBusyCsv, freeBusyRange } from '../../../../src/renderer/views/freebusy/FreeBusyView.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const profiles = [{ profile: { id: 'p1', name: 'Contoso', kind: 'ews' }, secrets: {} }] as unknown as ProfileView[];
const answer = (i: Record<string, unknown>) => ({
  from: i.from,
  to: i.to,
  mailboxes: [
    {
      mailbox: 'room.amsterdam@contoso.com',
      ok: true,
      blocks: [{ start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z', showAs: 'busy' }],
    },
    { mailbox: 'alice.smith@contoso.com', ok: true, blocks: [] },
  ],
});
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('FreeBusyView', () => {
  it('turns the date fields into a UTC range that includes the last day', () => {
    expect(freeBusyRange('2026-03-10', '2026-03-11')).toEqual({ from: '2026-03-10T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z' });
    expect(freeBusyRange('2026-03-11', '2026-03-10')).toBeUndefined();
    expect(freeBusyRange('soon', '2026-03-10')).toBeUndefined();
  });

  it('refuses bad input, then shows the blocks per mailbox and builds the CSV', async () => {
    const fake = fakeClient({ 'profiles.list': () => ({ profiles }), 'freebusy.blocks': answer });
    renderWithApp(<FreeBusyView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
    change('freebusy-mailboxes', 'room');
    change('freebusy-from', '2026-03-10');
    change('freebusy-to', '2026-03-09');
    fireEvent.click(screen.getByTestId('freebusy-run'));
    expect(screen.getByText(translate('en', 'validation.mailboxList'))).toBeTruthy();
    expect(screen.getByText(translate('en', 'validation.range'))).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'freebusy.blocks')).toEqual([]);

    change('freebusy-mailboxes', 'room.amsterdam@contoso.com\nalice.smith@contoso.com');
    change('freebusy-to', '2026-03-10');
    await act(async () => fireEvent.click(screen.getByTestId('freebusy-run')));
    await waitFor(() => expect(screen.getByTestId('freebusy-report')).toBeTruthy());
    expect(fake.calls.find((c) => c.method === 'freebusy.blocks')!.input).toMatchObject({
      profileId: 'p1',
      mailboxes: ['room.amsterdam@contoso.com', 'alice.smith@contoso.com'],
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      includeFree: false,
    });
    expect(screen.getByTestId('freebusy-room.amsterdam@contoso.com').textContent).toContain(translate('en', 'showAs.busy'));
    expect(screen.getByTestId('freebusy-alice.smith@contoso.com').textContent).toContain(translate('en', 'freebusy.none'));
    expect(freeBusyCsv(answer({ from: 'a', to: 'b' }) as never)).toBe(
      'mailbox,start,end,showAs\r\nroom.amsterdam@contoso.com,2026-03-10T09:00:00.000Z,2026-03-10T10:00:00.000Z,busy\r\n',
    );
  });
});
