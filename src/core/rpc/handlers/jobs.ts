// jobs.*: delegated to the host's job service (store + scheduler); changes are announced to every client.
import type { AppState, Job } from '../../../shared/rpc.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';
import type { CoreServices, JobService } from '../services.js';
import { omit } from '../../../shared/omit.js';
import { text as textRef } from '../../../shared/i18n/engine-texts.js';

function jobs(services: CoreServices): JobService {
  if (!services.jobs) throw notAvailable('feature.jobs');
  return services.jobs;
}

/** A presence job naming a rule table that does not exist is refused now, not at its first scheduled run. */
async function checkPresenceTable(services: CoreServices, job: Pick<Job, 'type' | 'presence'>): Promise<void> {
  if (job.type === 'presence' && services.presenceRules) await services.presenceRules.get(job.presence?.table ?? 'default');
}

/** A two-way job naming a rule that is not saved is refused now, with the field and the saved rule ids. */
async function checkTwoWayRule(services: CoreServices, job: Pick<Job, 'type' | 'twoway'>): Promise<void> {
  if (job.type !== 'twoway' || !services.twowayRules) return;
  const id = job.twoway?.ruleId ?? '';
  const saved = await services.twowayRules.list();
  if (saved.some((r) => r.id.toLowerCase() === id.toLowerCase())) return;
  const known = saved.map((r) => r.id).join(', ');
  const problem = known ? textRef('problem.twoway.unknownRule', { id, known }) : textRef('problem.twoway.noRuleSaved', { id });
  throw new CalpumpError('input.invalid', {
    params: { field: 'twoway.ruleId', problem },
  });
}

/** Checks every type-specific reference of a job (profile, presence table, two-way rule) before it is stored. */
async function checkReferences(services: CoreServices, job: Job): Promise<void> {
  // A two-way job's sides name their own profiles; its job profile only stands in for a side naming none.
  if (services.profiles && job.type !== 'twoway') await services.profiles.get(job.profile); // a job for a missing profile is refused early
  await checkPresenceTable(services, job);
  await checkTwoWayRule(services, job);
}

export const IDLE_STATE: AppState = { tray: 'idle', paused: false, runningJobs: [], failingJobs: [] };

export const jobHandlers: Pick<
  HandlerTable,
  | 'jobs.list'
  | 'jobs.get'
  | 'jobs.create'
  | 'jobs.update'
  | 'jobs.remove'
  | 'jobs.runNow'
  | 'jobs.cancel'
  | 'jobs.history'
  | 'jobs.pauseAll'
  | 'jobs.resumeAll'
> = {
  async 'jobs.list'(_input, { services }) {
    const svc = jobs(services);
    const [list, broken] = await Promise.all([svc.list(), svc.broken?.() ?? []]);
    return { jobs: list, broken };
  },
  async 'jobs.get'({ id }, { services }) {
    return jobs(services).get(id);
  },
  async 'jobs.create'({ job, secrets }, { services, events }) {
    await checkReferences(services, job);
    const view = await jobs(services).create(omit(job, 'id'), secrets);
    events.emit('data.changed', { group: 'jobs', id: view.job.id });
    return view;
  },
  async 'jobs.update'({ job, secrets }, { services, events }) {
    await checkReferences(services, job);
    const view = await jobs(services).update(job, secrets);
    events.emit('data.changed', { group: 'jobs', id: view.job.id });
    return view;
  },
  async 'jobs.remove'({ id }, { services, events }) {
    const removed = await jobs(services).remove(id);
    events.emit('data.changed', { group: 'jobs', id });
    return { removed };
  },
  async 'jobs.runNow'({ id }, { services }) {
    return jobs(services).runNow(id);
  },
  async 'jobs.cancel'({ id }, { services }) {
    return { cancelled: await jobs(services).cancel(id) };
  },
  async 'jobs.history'({ id, limit }, { services }) {
    return { runs: await jobs(services).history(id, limit) };
  },
  async 'jobs.pauseAll'(_input, { services, events }) {
    const svc = jobs(services);
    await svc.pauseAll();
    const state = svc.state();
    events.emit('app.state', state);
    return state;
  },
  async 'jobs.resumeAll'(_input, { services, events }) {
    const svc = jobs(services);
    await svc.resumeAll();
    const state = svc.state();
    events.emit('app.state', state);
    return state;
  },
};
