// Acceptance (issue 16, item 3): the write check creates, reads back and deletes a tagged test item through the real
// EWS and Graph writers against the simulator. It passes with Editor rights (or Calendars.ReadWrite) and names the
// missing right without them; either way no test item is left in the mailbox, and a leftover of an interrupted
// check is swept first. `profiles test --write` and `doctor --write` run it from the CLI.
import { renderStep } from '../../../src/shared/i18n/steps.js';
import { stepError } from '../../support/rendered.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsWriter } from '../../../src/core/connectors/ews/writer/index.js';
import { createGraphWriter } from '../../../src/core/connectors/graph/writer/index.js';
import type { CalendarWriter } from '../../../src/core/connectors/writer.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { missingWriteRight, runWriteCheck, WRITE_CHECK_SCOPE } from '../../../src/core/write-check/write-check.js';
import { DEMO_ACCOUNT } from '../../../src/headless/cli/demo-commands.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET } from '../../../src/sim/oauth/index.js';
import { simTenant } from '../../../src/sim/oauth/tenant.js';
import { secretKey, type Profile } from '../../../src/shared/profile.js';
import { runCli, tempConfigDir } from '../../headless/cli/helpers.js';
import { simGraphProfile } from '../connectors/graph/support.js';
import { simProfile } from '../connectors/ews/sim-helpers.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z') });
});
afterAll(async () => sim?.stop());

/** Test items anywhere in the world (by subject: the tag is what Calpump reads, the subject what a person sees). */
const leftovers = () => [...sim.world.events.values()].filter((e) => e.subject.startsWith('Calpump write check'));

async function ewsWriter(over: Partial<Profile>): Promise<{ profile: Profile; make: () => Promise<CalendarWriter> }> {
  const profile = simProfile(sim, over as never);
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
  return { profile, make: async () => createEwsWriter(profile, { secrets, logger: nullLogger }) };
}

const statuses = (steps: Array<{ id: string; status: string; error?: { id: string } }>) => steps.map((s) => [s.id, s.status, s.error?.id]);

describe('write check (simulator)', () => {
  it('EWS delegate with Editor on the calendar: create, read back, delete all pass; nothing left behind', async () => {
    const { profile, make } = await ewsWriter({ username: 'svc-delegate@contoso.com', access: 'delegate' });
    const steps = await runWriteCheck(profile, 'bob.jones@contoso.com', make, {});
    expect(statuses(steps)).toEqual([
      ['write.create', 'pass', undefined],
      ['write.readBack', 'pass', undefined],
      ['write.delete', 'pass', undefined],
    ]);
    expect(leftovers()).toEqual([]);
  });

  it("writes the test item in the reader's language and reads it back by that subject", async () => {
    const { profile, make } = await ewsWriter({ username: 'svc-delegate@contoso.com', access: 'delegate' });
    const written: string[] = [];
    const spying = async (): Promise<CalendarWriter> => {
      const writer = await make();
      const upsert = writer.upsert.bind(writer);
      writer.upsert = (...args: Parameters<CalendarWriter['upsert']>) => {
        written.push(...args[2].map((i) => `${i.appointment.subject} | ${i.appointment.body ?? ''}`));
        return upsert(...args);
      };
      return writer;
    };
    const steps = await runWriteCheck(profile, 'bob.jones@contoso.com', spying, {}, 'de');
    expect(statuses(steps).map(([, status]) => status)).toEqual(['pass', 'pass', 'pass']);
    expect(written).toEqual([
      'Calpump-Schreibprüfung (wird automatisch gelöscht) | Von `calpump profiles test --write` angelegt, um die Schreibrechte zu prüfen, und sofort wieder gelöscht.',
    ]);
    expect(leftovers()).toEqual([]);
  });

  it('EWS delegate with only Reviewer: the create step names the Editor right; no item is created', async () => {
    const { profile, make } = await ewsWriter({ username: 'svc-delegate@contoso.com', access: 'delegate' });
    const steps = await runWriteCheck(profile, 'alice.smith@contoso.com', make, {});
    expect(statuses(steps)).toEqual([
      ['write.create', 'fail', 'write.right.editor'],
      ['write.readBack', 'skipped', undefined],
      ['write.delete', 'skipped', undefined],
    ]);
    expect(stepError(steps[0], 'de').fix).toContain('-AccessRights Editor');
    expect(renderStep(steps[0], steps, 'de').title).toBe('Testelement im Kalender angelegt');
    expect(leftovers()).toEqual([]);
  });

  it('a test item left by an interrupted check is swept before the next one', async () => {
    const { profile, make } = await ewsWriter({});
    const writer = await make();
    const [made] = await writer.upsert('jan.devries@contoso.com', 'calendar', [
      {
        appointment: {
          subject: 'Calpump write check (deleted automatically)',
          start: '2001-01-01T03:00:00.000Z',
          end: '2001-01-01T03:05:00.000Z',
          isAllDay: false,
          timeZone: 'UTC',
          location: '',
          showAs: 'free',
          sensitivity: 'private',
          categories: [],
        },
        tag: { scope: WRITE_CHECK_SCOPE, sourceKey: 'check-interrupted' },
      },
    ]);
    expect(made.ok).toBe(true);
    await writer.close();
    expect(leftovers()).toHaveLength(1);
    const steps = await runWriteCheck(profile, 'jan.devries@contoso.com', make, {});
    expect(steps.every((s) => s.status === 'pass')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('Graph: without Calendars.ReadWrite the right is named; with it the check passes; nothing left behind', async () => {
    const profile = simGraphProfile(sim);
    // A fresh secret store per writer: a cached token would keep the roles it was issued with.
    const make = async () => {
      const secrets = new MemorySecretStore();
      await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
      return createGraphWriter(profile, { secrets, logger: nullLogger });
    };
    const denied = await runWriteCheck(profile, 'anna.schmidt@contoso.com', make, {});
    expect(statuses(denied)[0]).toEqual(['write.create', 'fail', 'write.right.calendarsReadWrite']);
    expect(leftovers()).toEqual([]);
    const roles = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!.roles;
    roles.push('Calendars.ReadWrite');
    try {
      const ok = await runWriteCheck(profile, 'anna.schmidt@contoso.com', make, {});
      expect(
        statuses(ok).map(([, s]) => s),
        JSON.stringify(ok),
      ).toEqual(['pass', 'pass', 'pass']);
      expect(leftovers()).toEqual([]);
    } finally {
      roles.splice(roles.indexOf('Calendars.ReadWrite'), 1);
    }
  });

  it('each read-side failure maps to the right it means', () => {
    const ews = simProfile(sim, { access: 'impersonation' });
    const graph = simGraphProfile(sim);
    const err = (id: ConstructorParameters<typeof CalpumpError>[0]) => new CalpumpError(id, { evidence: 'x' });
    expect(missingWriteRight(ews, 'a@contoso.com', err('ews.impersonation.denied')).id).toBe('write.right.impersonation');
    expect(missingWriteRight(ews, 'a@contoso.com', err('ews.access.denied')).id).toBe('write.right.impersonation');
    expect(missingWriteRight(graph, 'a@contoso.com', err('graph.mailbox.accessDenied')).id).toBe('write.right.rbacScope');
    expect(missingWriteRight({ ...graph, flow: 'interactive' }, 'a@contoso.com', err('graph.mailbox.accessDenied')).id).toBe(
      'write.right.editor',
    );
    expect(missingWriteRight(ews, 'a@contoso.com', err('ews.server.busy')).id).toBe('ews.server.busy');
  });

  it('`profiles test --write` from the CLI: passes with Editor, names the right without it (exit 1)', async () => {
    const dir = await tempConfigDir();
    const add = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--kind',
        'ews',
        '--name',
        'delegate',
        '--url',
        sim.ewsUrl,
        '--auth',
        'basic',
        '--username',
        'svc-delegate@contoso.com',
        '--access',
        'delegate',
        '--password-stdin',
        '--ca-file',
        sim.caFile!,
      ],
      { input: `${DEMO_ACCOUNT.password}\n` },
    );
    expect(add.code, add.stderr).toBe(0);
    const ok = await runCli(['--config-dir', dir, 'profiles', 'test', 'delegate', '--mailbox', 'bob.jones@contoso.com', '--write']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Test item deleted, nothing left behind');
    const denied = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'test',
      'delegate',
      '--mailbox',
      'alice.smith@contoso.com',
      '--write',
      '--json',
    ]);
    expect(denied.code).toBe(1);
    const report = JSON.parse(denied.stdout) as { steps: Array<{ id: string; status: string; errorId?: string }> };
    expect(report.steps.find((s) => s.id === 'write.create')).toMatchObject({ status: 'fail', errorId: 'write.right.editor' });
    const doctor = await runCli(
      ['--config-dir', dir, 'doctor', '--profile', 'delegate', '--mailbox', 'alice.smith@contoso.com', '--write'],
      {
        now: () => new Date(),
      },
    );
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('[write.right.editor]');
    expect(leftovers()).toEqual([]);
  });
});
