// @vitest-environment jsdom
// The presence screen against a fake host whose validateRules is the real presence service: edits are checked as
// you type, the preview follows the edited rules, and the status board sends the edited table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { PresenceRuleStore } from '../../../../src/core/store/presence-rule-store.js';
import { createPresenceService } from '../../../../src/core/presence/rpc-service.js';
import { PresenceView } from '../../../../src/renderer/views/presence/PresenceView.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient } from '../../support/fake-client.js';
import { hostCall } from '../../support/host-call.js';
import { renderWithApp } from '../../support/render.js';
import { translate } from '../../../../src/shared/i18n/index.js';

let dir: string;
let store: PresenceRuleStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-presence-view-'));
  store = new PresenceRuleStore({ dir });
});
afterEach(async () => {
  cleanup();
  await rm(dir, { recursive: true, force: true });
});
const host = hostCall;
// jsdom has no ResizeObserver; Fluent's MessageBar (the error panel) measures itself with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const presence = createPresenceService({
  connectorFor: async () => {
    throw new Error('unused');
  },
  logger: nullLogger,
});
const profiles = [{ profile: { id: 'p1', name: 'Contoso', kind: 'ews' }, secrets: {} }] as unknown as ProfileView[];

function mount() {
  const fake = fakeClient({
    'profiles.list': () => ({ profiles }),
    'presence.tables.list': () => host(async () => ({ tables: await store.list() })),
    'presence.tables.get': (i) => host(() => store.get(i.name as string)),
    'presence.tables.save': (i) => host(() => store.save(i.name as string, i.table)),
    'presence.tables.reset': (i) => host(() => store.reset(i.name as string)),
    'presence.validateRules': (i) => presence.validateRules(i.table),
    'presence.status': (i) => ({
      at: '2026-03-10T09:30:00.000Z',
      mailboxes: (i.mailboxes as string[]).map((mailbox) => ({
        mailbox,
        ok: true,
        current: { status: 'InACall', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z', rule: 'call' },
        upcoming: [],
      })),
    }),
  });
  let profileId: string | undefined = 'p1';
  renderWithApp(<PresenceView profileId={profileId} onProfile={(id) => (profileId = id)} onNavigate={() => undefined} />, fake.client);
  return fake;
}

const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('PresenceView', () => {
  it('loads the default rules, checks every edit with the host and shows what is wrong', async () => {
    const { calls } = mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    await waitFor(() => expect(screen.queryByTestId('presence-rules-ok')).toBeTruthy());
    change('rule-0-status', '');
    await waitFor(() => expect(screen.queryByTestId('presence-rules-error')).toBeTruthy());
    expect(screen.getByTestId('presence-rules-error').getAttribute('data-error-id')).toBe('presence.rules.invalid');
    const last = calls.filter((c) => c.method === 'presence.validateRules').at(-1)!;
    expect((last.input.table as { rules: Array<{ status: string }> }).rules[0].status).toBe('');
    change('rule-0-status', 'OutOfOffice');
    await waitFor(() => expect(screen.queryByTestId('presence-rules-ok')).toBeTruthy());
  });

  it('previews the status of a sample item live, and follows rule order changes', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    const result = () => screen.getByTestId('preview-result').getAttribute('data-status');
    expect(result()).toBe('InACall');
    change('preview-subject', 'Focus call');
    expect(result()).toBe('DoNotDisturb');
    fireEvent.click(screen.getByTestId('rule-2')); // open the rule below the table
    fireEvent.click(screen.getByTestId('rule-2-up')); // "call" above "focus-time"; the editor follows it
    expect(result()).toBe('InACall');
    fireEvent.click(screen.getByTestId('rule-1-remove'));
    expect(result()).toBe('DoNotDisturb');
    change('preview-showAs', 'tentative');
    expect(screen.getByTestId('preview-result').textContent).toContain('Ignored');
    fireEvent.click(screen.getByTestId('rule-add'));
    expect(screen.getByTestId('rule-8')).toBeTruthy();
    // The new rule opens for editing.
    expect(screen.getByTestId<HTMLInputElement>('rule-8-name').value).toBe('rule-9');
  });

  it('is one Tab stop with words for show-as and sensitivity, and ticks send the stored values', async () => {
    const { calls } = mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    const table = screen.getByTestId('rule-table');
    // One arrow-key group (Tabster's mover: Tab leaves the table; the screen sweep checks that in Chromium), and no
    // control inside a row: a row opens its rule in the editor below.
    expect(screen.getByTestId('rule-0').parentElement?.getAttribute('data-tabster')).toContain('mover');
    expect(table.querySelectorAll('tbody input, tbody select, tbody button')).toHaveLength(0);
    const cells = screen.getAllByTestId('rule-showAs-cell').map((c) => c.textContent ?? '');
    expect(cells).toContain(translate('en', 'showAs.oof'));
    for (const raw of ['oof', 'workingElsewhere', 'private']) expect(table.textContent, raw).not.toMatch(new RegExp(`\\b${raw}\\b`));
    expect(screen.getByTestId('rule-0').getAttribute('aria-label')).toContain('out-of-office');

    fireEvent.keyDown(screen.getByTestId('rule-3'), { key: 'Enter' });
    expect(screen.getByTestId('rule-editor').textContent).toContain(
      translate('en', 'presence.rules.editing', { order: 4, name: 'presentation' }),
    );
    fireEvent.click(screen.getByTestId('rule-3-showAs-workingElsewhere'));
    await waitFor(() => expect(screen.getByTestId('rule-3').textContent).toContain(translate('en', 'showAs.workingElsewhere')));
    await waitFor(() => {
      const sent = calls.filter((c) => c.method === 'presence.validateRules').at(-1)!;
      expect((sent.input.table as { rules: Array<{ showAs?: string[] }> }).rules[3].showAs).toContain('workingElsewhere');
    });
  });

  it('asks the host for the status of the chosen mailboxes with the edited rules', async () => {
    const { calls } = mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    fireEvent.click(screen.getByTestId('rule-8'));
    fireEvent.click(screen.getByTestId('rule-8-remove'));
    change('board-mailboxes', 'anna.schmidt@contoso.com\njan.devries@contoso.com');
    await act(async () => fireEvent.click(screen.getByTestId('board-check')));
    await waitFor(() => expect(screen.getByTestId('board-jan.devries@contoso.com')).toBeTruthy());
    expect(screen.getByTestId('board-anna.schmidt@contoso.com').textContent).toContain('InACall');
    const call = calls.find((c) => c.method === 'presence.status')!;
    expect(call.input).toMatchObject({ profileId: 'p1', mailboxes: ['anna.schmidt@contoso.com', 'jan.devries@contoso.com'] });
    expect((call.input.rules as { rules: unknown[] }).rules).toHaveLength(8);
  });
});

describe('PresenceView: saved rule tables', () => {
  const state = () => screen.getByTestId('presence-saved-state').textContent;

  it('saves the edited default table and shows it, saved, after a reload', async () => {
    const { calls } = mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    expect(state()).toBe('Built-in table (never saved).');
    expect(screen.getByTestId<HTMLButtonElement>('presence-save').disabled).toBe(true);
    change('rule-0-status', 'Vacation');
    await waitFor(() => expect(screen.queryByTestId('presence-rules-ok')).toBeTruthy());
    expect(state()).toBe('Unsaved changes.');
    await act(async () => fireEvent.click(screen.getByTestId('presence-save')));
    await waitFor(() => expect(state()).toBe('Saved table "default".'));
    expect(calls.find((c) => c.method === 'presence.tables.save')!.input).toMatchObject({
      name: 'default',
      table: { rules: expect.arrayContaining([expect.objectContaining({ name: 'out-of-office', status: 'Vacation' })]) as unknown },
    });
    expect((await store.get('default')).table.rules[0].status).toBe('Vacation');

    cleanup(); // reload the screen
    mount();
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('rule-0-status').value).toBe('Vacation'));
    expect(state()).toBe('');
  });

  it('saves under a new name, switches between tables, and resets the default to the built-in one', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    fireEvent.click(screen.getByTestId('rule-8'));
    fireEvent.click(screen.getByTestId('rule-8-remove'));
    change('presence-new-name', 'door-signs');
    await waitFor(() => expect(screen.queryByTestId('presence-rules-ok')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByTestId('presence-save-as')));
    await waitFor(() => expect(state()).toBe('Saved table "door-signs".'));
    expect(screen.getByTestId<HTMLSelectElement>('presence-table').value).toBe('door-signs');
    expect((await store.list()).map((t) => `${t.name}:${t.rules}`)).toEqual(['default:9', 'door-signs:8']);
    change('presence-table', 'default');
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    await store.save('default', { rules: [{ name: 'only', status: 'Busy' }] });
    change('presence-table', 'door-signs');
    await waitFor(() => expect(screen.queryByTestId('rule-8')).toBeNull());
    change('presence-table', 'default');
    await waitFor(() => expect(screen.queryByTestId('rule-1')).toBeNull());
    await act(async () => fireEvent.click(screen.getByTestId('presence-reset')));
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    expect((await store.get('default')).saved).toBe(false);
    // Eight table switches re-render the whole rule grid: 24–31 s were seen with both cores busy.
  }, 120_000);

  it("shows the host's field-named refusal of a bad table name and keeps the edits", async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('rule-8')).toBeTruthy());
    change('presence-new-name', 'door signs!');
    await waitFor(() => expect(screen.queryByTestId('presence-rules-ok')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByTestId('presence-save-as')));
    await waitFor(() => expect(screen.queryByTestId('presence-load-error')).toBeTruthy());
    expect(screen.getByTestId('presence-load-error').getAttribute('data-error-id')).toBe('input.invalid');
    expect(screen.getByTestId('presence-load-error').textContent).toContain('name');
    expect(screen.getByTestId('rule-8')).toBeTruthy();
    expect((await store.list()).map((t) => t.name)).toEqual(['default']);
  });
});
