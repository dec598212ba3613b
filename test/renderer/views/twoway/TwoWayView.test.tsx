// @vitest-environment jsdom
// The two-way screen: a run sends the rule built from the form (side B on another profile) and shows the counts;
// the conflict list shows both versions, a deleted side as such. Rules are saved through the host's real store
// (temp config folder), shown again after a reload, refused with the field named, and removed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoWayRuleStore } from '../../../../src/core/store/twoway-rule-store.js';
import { TwoWayView, versionText } from '../../../../src/renderer/views/twoway/TwoWayView.js';
import { translate, type MessageKey, type MessageParams } from '../../../../src/shared/i18n/index.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { fakeClient, type Handler } from '../../support/fake-client.js';
import { hostCall } from '../../support/host-call.js';
import { renderWithApp } from '../../support/render.js';
import { formatDate, formatDateTime } from '../../../../src/renderer/models/format.js';

let dir: string;
let store: TwoWayRuleStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-twoway-view-'));
  store = new TwoWayRuleStore({ dir });
});
afterEach(async () => {
  cleanup();
  await rm(dir, { recursive: true, force: true });
});
const host = hostCall;
const storeHandlers: Record<string, Handler> = {
  'twoway.rules.list': () => host(async () => ({ rules: await store.list() })),
  'twoway.rules.save': (i) => host(async () => ({ rule: await store.save(i.rule) })),
  'twoway.rules.remove': (i) => host(() => store.remove(i.id as string)),
};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const profiles = [
  { profile: { id: 'p1', name: 'On-prem', kind: 'ews' }, secrets: {} },
  { profile: { id: 'p2', name: 'Cloud', kind: 'graph' }, secrets: {} },
] as unknown as ProfileView[];
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('TwoWayView', () => {
  it('runs the rule from the form and lists its conflicts', async () => {
    const fake = fakeClient({
      ...storeHandlers,
      'profiles.list': () => ({ profiles }),
      'twoway.run': (i) => ({
        rule: 'r1',
        ...(i.dryRun
          ? { planned: [{ side: 'b', action: 'create', key: 'k1', subject: 'Board' }], created: { a: 0, b: 0 } }
          : { created: { a: 1, b: 2 } }),
        updated: { a: 0, b: 3 },
        deleted: { a: 0, b: 0 },
        unchanged: 7,
        conflicts: [],
        errors: [],
      }),
      'twoway.conflicts': () => ({
        conflicts: [
          {
            time: '2026-03-10T09:00:00.000Z',
            rule: 'r1',
            key: 'k',
            master: 'a',
            winner: 'a',
            action: 'update',
            a: { subject: 'Board', start: '2026-03-11T09:00:00.000Z' },
            b: null,
          },
        ],
      }),
    });
    renderWithApp(<TwoWayView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
    change('twoway-ruleId', 'r1');
    change('twoway-mailboxA', 'anna.schmidt@contoso.com');
    change('twoway-mailboxB', 'anna@contoso.onmicrosoft.com');
    await waitFor(() => expect(screen.getByTestId('twoway-profileB').textContent).toContain('Cloud'));
    change('twoway-profileB', 'p2');
    change('twoway-master', 'b');
    // First a preview (a dry run): nothing is written until the user saw it and confirmed.
    await act(async () => fireEvent.click(screen.getByTestId('twoway-preview-run')));
    await waitFor(() => expect(screen.getByTestId('twoway-planned-b-row').textContent).toContain('Board'));
    expect(fake.calls.filter((c) => c.method === 'twoway.run').map((c) => c.input.dryRun)).toEqual([true]);
    fireEvent.click(screen.getByTestId('twoway-run'));
    await act(async () => fireEvent.click(await screen.findByTestId('twoway-confirm')));
    await waitFor(() => expect(screen.getByTestId('twoway-result')).toBeTruthy());
    expect(fake.calls.filter((c) => c.method === 'twoway.run')[1].input).toEqual({
      profileId: 'p1',
      rule: {
        id: 'r1',
        a: { mailbox: 'anna.schmidt@contoso.com', profile: 'p1' },
        b: { mailbox: 'anna@contoso.onmicrosoft.com', profile: 'p2' },
        master: 'b',
        mode: 'sync',
        propagate: { aToB: { create: true, modify: true, delete: false }, bToA: { create: true, modify: true, delete: false } },
      },
      opId: expect.any(String) as unknown,
    });
    expect(screen.getByTestId('twoway-result').textContent).toBe(
      translate('en', 'twoway.result', { ca: 1, cb: 2, ua: 0, ub: 3, da: 0, db: 0, unchanged: 7 }),
    );
    await act(async () => fireEvent.click(screen.getByTestId('twoway-loadConflicts')));
    await waitFor(() => expect(screen.getByTestId('twoway-conflict-0')).toBeTruthy());
    const row = screen.getByTestId('twoway-conflict-0').textContent ?? '';
    expect(row).toContain(`Board · ${formatDateTime('2026-03-11T09:00:00.000Z', 'en')}`);
    expect(row).toContain(translate('en', 'twoway.deleted'));
  });
});

describe('TwoWayView: overwrite mode', () => {
  it('hides the flows, says in the preview and the question what overwrite does, and sends mode overwrite', async () => {
    const fake = fakeClient({
      ...storeHandlers,
      'profiles.list': () => ({ profiles }),
      'twoway.run': (i) => ({
        rule: 'ow',
        planned: i.dryRun
          ? [
              { side: 'b', action: 'update', key: 'k1', subject: 'Board' },
              { side: 'b', action: 'delete', key: 'k2', subject: 'Gone' },
            ]
          : undefined,
        created: { a: 0, b: 0 },
        updated: { a: 0, b: i.dryRun ? 0 : 1 },
        deleted: { a: 0, b: i.dryRun ? 0 : 1 },
        unchanged: 3,
        conflicts: [],
        errors: [],
      }),
    });
    renderWithApp(<TwoWayView profileId="p1" onProfile={() => undefined} onNavigate={() => undefined} />, fake.client);
    change('twoway-ruleId', 'ow');
    change('twoway-mailboxA', 'anna.schmidt@contoso.com');
    change('twoway-mailboxB', 'door.sign@contoso.com');
    expect(screen.getByTestId('twoway-aToB-create')).toBeTruthy();
    change('twoway-mode', 'overwrite');
    expect(screen.queryByTestId('twoway-aToB-create')).toBeNull();
    expect(screen.getByTestId('twoway-overwrite-hint').textContent).toBe(
      translate('en', 'twoway.mode.overwriteHint', { master: 'A', target: 'B' }),
    );
    await act(async () => fireEvent.click(screen.getByTestId('twoway-preview-run')));
    await waitFor(() => expect(screen.getAllByTestId('twoway-planned-b-row')).toHaveLength(2));
    expect(screen.getByTestId('twoway-preview-overwrite').textContent).toBe(
      translate('en', 'twoway.preview.overwrite', { master: 'A', target: 'B', mailbox: 'door.sign@contoso.com' }),
    );
    fireEvent.click(screen.getByTestId('twoway-run'));
    expect((await screen.findByTestId('twoway-confirm-overwrite')).textContent).toBe(
      translate('en', 'twoway.confirm.overwrite', { master: 'A', target: 'B', mailbox: 'door.sign@contoso.com', deletes: 1 }),
    );
    await act(async () => fireEvent.click(screen.getByTestId('twoway-confirm')));
    await waitFor(() => expect(screen.getByTestId('twoway-result')).toBeTruthy());
    const runs = fake.calls.filter((c) => c.method === 'twoway.run');
    expect(runs.map((c) => [c.input.dryRun, (c.input.rule as { mode: string }).mode])).toEqual([
      [true, 'overwrite'],
      [undefined, 'overwrite'],
    ]);
  });
});

describe('TwoWayView: saved rules', () => {
  function mount() {
    const fake = fakeClient({ ...storeHandlers, 'profiles.list': () => ({ profiles }) });
    const chosen: string[] = [];
    renderWithApp(<TwoWayView profileId="p1" onProfile={(id) => id && chosen.push(id)} onNavigate={() => undefined} />, fake.client);
    return { ...fake, chosen };
  }
  const value = (id: string) => screen.getByTestId<HTMLInputElement>(id).value;
  const checked = (id: string) => screen.getByTestId<HTMLInputElement>(id).checked;

  it('saves the rule with its flows, shows it again after a reload, and removes it', async () => {
    mount();
    expect(screen.getByTestId<HTMLButtonElement>('twoway-save').disabled).toBe(true);
    change('twoway-ruleId', 'crm-anna');
    change('twoway-mailboxA', 'anna.schmidt@contoso.com');
    change('twoway-mailboxB', 'crm.anna@contoso.com');
    change('twoway-master', 'b');
    // Deletions start off for a new rule; this one deletes from B what A deleted.
    expect(checked('twoway-aToB-delete')).toBe(false);
    fireEvent.click(screen.getByTestId('twoway-aToB-delete'));
    await act(async () => fireEvent.click(screen.getByTestId('twoway-save')));
    await waitFor(() =>
      expect(screen.getByTestId('twoway-saved-state').textContent).toBe(translate('en', 'twoway.saved', { id: 'crm-anna' })),
    );
    const [stored] = await store.list();
    expect(stored).toMatchObject({
      id: 'crm-anna',
      a: { profile: 'p1', mailbox: 'anna.schmidt@contoso.com' },
      master: 'b',
      propagate: { aToB: { delete: true }, bToA: { create: true, delete: false } },
    });

    cleanup(); // reload
    const again = mount();
    await waitFor(() => expect(screen.getByRole('option', { name: 'crm-anna' })).toBeTruthy());
    change('twoway-saved', 'crm-anna');
    expect(value('twoway-ruleId')).toBe('crm-anna');
    expect(value('twoway-mailboxB')).toBe('crm.anna@contoso.com');
    expect(value('twoway-master')).toBe('b');
    expect(checked('twoway-bToA-delete')).toBe(false);
    expect(checked('twoway-aToB-delete')).toBe(true);
    expect(again.chosen).toEqual(['p1']);
    await act(async () => fireEvent.click(screen.getByTestId('twoway-remove')));
    await waitFor(() => expect(value('twoway-ruleId')).toBe(''));
    expect(await store.list()).toEqual([]);
  });

  it('keeps what the form does not edit (window, folders) when a saved rule is saved again', async () => {
    await store.save({
      id: 'r2',
      a: { mailbox: 'anna.schmidt@contoso.com', folder: 'AAMkF1' },
      b: { mailbox: 'jan.devries@contoso.com' },
      master: 'a',
      window: { daysBack: 1, daysAhead: 30 },
      excludeMarker: '##',
    });
    mount();
    await waitFor(() => expect(screen.getByRole('option', { name: 'r2' })).toBeTruthy());
    change('twoway-saved', 'r2');
    change('twoway-master', 'b');
    await act(async () => fireEvent.click(screen.getByTestId('twoway-save')));
    await waitFor(() => expect(screen.queryByTestId('twoway-saved-state')).toBeTruthy());
    expect(await store.get('r2')).toMatchObject({
      master: 'b',
      a: { folder: 'AAMkF1' },
      window: { daysBack: 1, daysAhead: 30 },
      excludeMarker: '##',
    });
  });

  it("shows the host's refusal naming the field and saves nothing", async () => {
    mount();
    change('twoway-ruleId', 'crm anna');
    change('twoway-mailboxA', 'anna.schmidt@contoso.com');
    change('twoway-mailboxB', 'crm.anna@contoso.com');
    await act(async () => fireEvent.click(screen.getByTestId('twoway-save')));
    await waitFor(() => expect(screen.queryByTestId('twoway-save-error')).toBeTruthy());
    expect(screen.getByTestId('twoway-save-error').getAttribute('data-error-id')).toBe('input.invalid');
    expect(screen.getByTestId('twoway-save-error').textContent).toContain('rule.id');
    expect(await store.list()).toEqual([]);
  });
});

describe('versionText', () => {
  const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
  it('writes an all-day version as its date, a timed one with time and zone', () => {
    expect(versionText({ subject: 'Holiday', start: '2026-12-06T00:00:00.000Z', isAllDay: true }, t)).toBe(
      `Holiday · ${formatDate('2026-12-06', 'en')} (${t('browse.preview.allDay')})`,
    );
    expect(versionText({ subject: 'Call', start: '2026-12-06T09:00:00.000Z' }, t)).toBe(
      `Call · ${formatDateTime('2026-12-06T09:00:00.000Z', 'en')}`,
    );
    expect(versionText(null, t)).toBe(t('twoway.deleted'));
  });
});
