// profiles.testWrite (issue 16 item 3, in the UI): through the dispatcher against the simulator, a delegate with
// Editor on a calendar passes create, read back and delete with no test item left; with only Reviewer the create
// step names the Editor right and its fix, later steps are skipped, and still nothing is left behind. Every step is
// streamed as a test.step event of the call's operation id.
import { describe, expect, it } from 'vitest';
import type { RpcInput } from '../../../../src/shared/rpc.js';
import { rendered } from '../../../support/rendered.js';
import { useCoreSim } from '../core-sim.js';
import { callOk, payloadsOf } from '../typed-rpc.js';

const h = useCoreSim({ seed: 7 }, 'calpump-rpc-write-');

const leftovers = () => [...h.sim.world.events.values()].filter((e) => e.subject.startsWith('Calpump write check'));

describe('profiles.testWrite', () => {
  it('passes with Editor rights and names the missing right without them, leaving no test item either way', async () => {
    const profile: RpcInput<'profiles.create'>['profile'] = {
      kind: 'ews',
      name: 'Delegate',
      url: h.sim.ewsUrl,
      auth: 'basic',
      username: 'svc-delegate@contoso.com',
      access: 'delegate',
      testMailbox: 'bob.jones@contoso.com',
      tls: h.sim.caFile ? { caFile: h.sim.caFile } : {},
      proxy: { mode: 'none' },
    };
    const { profile: saved } = await callOk(h.d, 'profiles.create', { profile, secrets: { password: 'Passw0rd!' } });

    const ok = await callOk(h.d, 'profiles.testWrite', { id: saved.id, opId: 'w1' });
    expect(ok.ok).toBe(true);
    expect(ok.steps.slice(-3).map((s) => [s.id, s.status])).toEqual([
      ['write.create', 'pass'],
      ['write.readBack', 'pass'],
      ['write.delete', 'pass'],
    ]);
    expect(ok.leftBehind).toBe(0);
    const streamed = payloadsOf(h.seen, 'test.step').filter((e) => e.opId === 'w1');
    expect(streamed.map((e) => e.step.id)).toEqual(ok.steps.map((s) => s.id));
    expect(leftovers()).toEqual([]);

    const denied = await callOk(h.d, 'profiles.testWrite', { id: saved.id, mailbox: 'alice.smith@contoso.com' });
    expect(denied.ok).toBe(false);
    const create = denied.steps.find((s) => s.id === 'write.create')!;
    expect(create.status).toBe('fail');
    expect(create.error?.id).toBe('write.right.editor');
    expect(rendered(create.error).fix).toContain('-AccessRights Editor');
    expect(denied.steps.filter((s) => s.id.startsWith('write.') && s.status === 'skipped').length).toBe(2);
    expect(denied.leftBehind).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});
