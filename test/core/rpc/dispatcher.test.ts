import { rendered } from '../../support/rendered.js';
import { afterEach, describe, expect, it } from 'vitest';
import { rpcContract, type RpcResult } from '../../../src/shared/rpc.js';
import { ewsDraft, makeHarness, scriptedConnector } from './harness.js';
import { callOk, outputOf } from './typed-rpc.js';

type H = Awaited<ReturnType<typeof makeHarness>>;
let h: H | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

function errorOf(r: RpcResult) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.output)}`);
  return r.error;
}

describe('dispatcher: contract enforcement', () => {
  it('rejects an unknown method with rpc.unknownMethod naming it', async () => {
    h = await makeHarness();
    const err = errorOf(await h.call('profiles.drop', {}));
    expect(err.id).toBe('rpc.unknownMethod');
    expect(err.params.method).toBe('profiles.drop');
    // inherited object keys are not methods either
    expect(errorOf(await h.call('constructor', {})).id).toBe('rpc.unknownMethod');
    expect(errorOf(await h.call(42, {})).id).toBe('rpc.unknownMethod');
  });

  it('rejects input that fails its schema with input.invalid naming the field, before any handler runs', async () => {
    h = await makeHarness();
    const err = errorOf(await h.call('profiles.create', { profile: { ...ewsDraft, username: 'not an account' } }));
    expect(err.id).toBe('input.invalid');
    expect(rendered(err).message).toContain('profile.username');
    expect(errorOf(await h.call('mailboxes.list', { profileId: 7 })).id).toBe('input.invalid');
    expect(errorOf(await h.call('profiles.list', { extra: true })).id).toBe('input.invalid');
    expect((await callOk(h, 'profiles.list')).profiles).toEqual([]);
  });

  it('refuses an answer outside the output contract instead of passing it on', async () => {
    h = await makeHarness({}, { handlers: { 'app.version': () => ({ version: 1 }) as never } });
    const err = errorOf(await h.call('app.version', {}));
    expect(err.id).toBe('internal.unexpected');
    expect(rendered(err).message).toContain('app.version');
  });

  it('answers an error as its id and params, no words: the UI renders it in its language', async () => {
    h = await makeHarness();
    await h.call('app.setSettings', { language: 'de' });
    const err = errorOf(await h.call('nope', {}));
    expect(err).toEqual({ id: 'rpc.unknownMethod', params: { method: 'nope' } });
    expect(rendered(err, 'de').title).toBe('Unbekannte Anfrage');
    expect(rendered(err, 'nl').message).toContain('"nope"');
  });

  it('answers rpc.notAvailable for a service the host does not have yet', async () => {
    h = await makeHarness();
    const err = errorOf(await h.call('jobs.list', {}));
    expect(err.id).toBe('rpc.notAvailable');
    expect(errorOf(await h.call('auth.status', { profileId: 'x' })).id).toBe('rpc.notAvailable');
    // app.state still works without a scheduler
    expect((await callOk(h, 'app.state')).tray).toBe('idle');
  });

  it('cancels a long call by operation id', async () => {
    h = await makeHarness({ connector: scriptedConnector({ hang: true }) });
    const p = await callOk(h, 'profiles.create', { profile: ewsDraft, secrets: { password: 'Passw0rd!' } });
    const pending = h.call('items.preview', {
      profileId: p.profile.id,
      mailbox: 'anna.schmidt@contoso.com',
      folderId: 'calendar',
      opId: 'op-1',
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(await callOk(h, 'app.cancel', { opId: 'op-1' })).toEqual({ cancelled: true });
    expect(errorOf(await pending).id).toBe('rpc.cancelled');
    expect(await callOk(h, 'app.cancel', { opId: 'op-1' })).toEqual({ cancelled: false });
  });

  it('every contract method has a handler', async () => {
    h = await makeHarness();
    for (const method of Object.keys(rpcContract)) {
      const r = await h.call(method, {});
      if (!r.ok) expect(r.error.id, method).not.toBe('rpc.unknownMethod');
    }
  });
});

describe('dispatcher: profiles', () => {
  it('stores secrets write-only: output and events say "stored", never the value', async () => {
    h = await makeHarness();
    const seen: unknown[] = [];
    h.dispatcher.events.subscribe((name, payload) => seen.push({ name, payload }));
    const r = await h.call('profiles.create', { profile: ewsDraft, secrets: { password: 'Passw0rd!' } });
    const view = outputOf('profiles.create', r);
    expect(view.profile.id).not.toBe('new');
    expect(view.secrets).toMatchObject({ password: 'stored', clientSecret: 'missing' });
    expect(JSON.stringify(r)).not.toContain('Passw0rd!');
    expect(await h.secrets.get(`profile:${view.profile.id}:password`)).toBe('Passw0rd!');
    expect(seen).toEqual([{ name: 'data.changed', payload: { group: 'profiles', id: view.profile.id } }]);

    // update: empty keeps, null deletes
    const kept = await callOk(h, 'profiles.update', { profile: { ...view.profile, name: 'Contoso 2' }, secrets: { password: '' } });
    expect(kept.secrets.password).toBe('stored');
    const cleared = await callOk(h, 'profiles.update', { profile: kept.profile, secrets: { password: null } });
    expect(cleared.secrets.password).toBe('missing');
    expect(await callOk(h, 'profiles.remove', { id: view.profile.id })).toEqual({ removed: true, reassigned: [] });
    expect(errorOf(await h.call('profiles.get', { id: view.profile.id })).id).toBe('config.profileNotFound');
  });

  it('test: a failed step carries its catalogue entry, with the profile and mailbox among its params', async () => {
    const connector = scriptedConnector({
      steps: [
        { id: 'connect', title: { key: 'Connect' }, status: 'pass', durationMs: 3 },
        {
          id: 'auth',
          title: { key: 'Sign in' },
          status: 'fail',
          durationMs: 4,
          error: { id: 'ews.auth.unauthorized', params: {}, evidence: 'HTTP 401' },
          evidence: 'HTTP 401',
        },
      ],
    });
    h = await makeHarness({ connector });
    const { profile } = await callOk(h, 'profiles.create', { profile: ewsDraft, secrets: { password: 'wrong' } });
    const result = await callOk(h, 'profiles.test', { id: profile.id });
    expect(result.ok).toBe(false);
    expect(result.steps[1].error).toMatchObject({ id: 'ews.auth.unauthorized', evidence: 'HTTP 401' });
    expect(result.steps[1].error?.params).toMatchObject({ profile: profile.name });
    expect(rendered(result.steps[1].error).fix.length).toBeGreaterThan(5);
    expect(result.details.ewsUrl).toContain('/EWS/');
  });

  it('test: a draft is tested with the password from the form, which is not stored', async () => {
    h = await makeHarness();
    const r = await callOk(h, 'profiles.test', { draft: { profile: ewsDraft, secrets: { password: 'typed' } } });
    expect(r.ok).toBe(true);
    const used = h.factoryCalls[0];
    expect(await used.secrets.get(`profile:${used.profile.id}:password`)).toBe('typed');
    expect(await h.secrets.keys()).toEqual([]);
  });

  it('browses mailboxes and folders and previews items through the profile connector', async () => {
    h = await makeHarness();
    const { profile } = await callOk(h, 'profiles.create', { profile: ewsDraft, secrets: { password: 'x' } });
    expect(
      (await callOk(h, 'mailboxes.list', { profileId: profile.id, search: 'room' })).items.map((m: { smtp: string }) => m.smtp),
    ).toEqual(['room.amsterdam@contoso.com']);
    expect((await callOk(h, 'folders.tree', { profileId: profile.id, mailbox: 'anna.schmidt@contoso.com' })).folders[0].name).toBe(
      'Kalender',
    );
    expect(await callOk(h, 'items.preview', { profileId: profile.id, mailbox: 'a', folderId: 'calendar' })).toEqual({
      events: [],
      truncated: false,
    });
    expect(h.factoryCalls).toHaveLength(1); // the connector is reused
  });
});
