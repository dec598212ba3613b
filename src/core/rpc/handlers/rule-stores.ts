// presence.tables.* and twoway.rules.*: the saved rule tables and two-way rules, shared with the CLI and the
// presence jobs (same files in the config folder). Every change is announced so other windows refetch.
import { CalpumpError } from '../../errors/calpump-error.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import type { Profile } from '../../../shared/profile.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';
import type { CoreServices } from '../services.js';

function tables(services: CoreServices): NonNullable<CoreServices['presenceRules']> {
  if (!services.presenceRules) throw notAvailable('feature.presenceRules');
  return services.presenceRules;
}

function rules(services: CoreServices): NonNullable<CoreServices['twowayRules']> {
  if (!services.twowayRules) throw notAvailable('feature.twowayRules');
  return services.twowayRules;
}

const view = (t: { name: string; saved: boolean; table: object }) => ({
  name: t.name,
  saved: t.saved,
  table: t.table as Record<string, unknown>,
});

export const ruleStoreHandlers: Pick<
  HandlerTable,
  | 'presence.tables.list'
  | 'presence.tables.get'
  | 'presence.tables.save'
  | 'presence.tables.reset'
  | 'presence.tables.remove'
  | 'twoway.rules.list'
  | 'twoway.rules.save'
  | 'twoway.rules.remove'
> = {
  async 'presence.tables.list'(_input, { services }) {
    return { tables: await tables(services).list() };
  },
  async 'presence.tables.get'({ name }, { services }) {
    return view(await tables(services).get(name));
  },
  async 'presence.tables.save'({ name, table }, { services, events }) {
    const saved = view(await tables(services).save(name, table));
    events.emit('data.changed', { group: 'presenceRules', id: saved.name });
    return saved;
  },
  async 'presence.tables.reset'({ name }, { services, events }) {
    const reset = view(await tables(services).reset(name));
    events.emit('data.changed', { group: 'presenceRules', id: reset.name });
    return reset;
  },
  async 'presence.tables.remove'({ name }, { services, events }) {
    // Removing a table a presence job runs with would only surface as a failed run later; "default" always exists.
    if (name.toLowerCase() !== 'default' && services.jobs) {
      const users = (await services.jobs.list())
        .filter(({ job }) => job.type === 'presence' && (job.presence?.table ?? 'default').toLowerCase() === name.toLowerCase())
        .map(({ job }) => job.name);
      if (users.length)
        throw new CalpumpError('input.invalid', {
          params: {
            field: 'name',
            problem: text('problem.presence.tableInUse', { name, jobs: users.map((u) => `"${u}"`).join(', ') }),
          },
        });
    }
    const result = await tables(services).remove(name);
    if (result.removed) events.emit('data.changed', { group: 'presenceRules', id: name });
    return result;
  },
  async 'twoway.rules.list'(_input, { services }) {
    return { rules: (await rules(services).list()) as unknown as Array<Record<string, unknown>> };
  },
  async 'twoway.rules.save'({ rule }, { services, events }) {
    const store = rules(services);
    // A side naming a profile that does not exist would only fail at the first run: refuse it now.
    const sides = rule && typeof rule === 'object' ? (rule as Record<string, { profile?: unknown } | undefined>) : {};
    for (const side of ['a', 'b'] as const) {
      const name = sides[side]?.profile;
      if (typeof name === 'string' && name && services.profiles) await profileExists(services, name);
    }
    const saved = await store.save(rule);
    events.emit('data.changed', { group: 'twowayRules', id: saved.id });
    return { rule: saved as unknown as Record<string, unknown> };
  },
  async 'twoway.rules.remove'({ id }, { services, events }) {
    // A rule a two-way job runs would only surface as a failed run later.
    if (services.jobs) {
      const users = (await services.jobs.list())
        .filter(({ job }) => job.type === 'twoway' && (job.twoway?.ruleId ?? '').toLowerCase() === id.trim().toLowerCase())
        .map(({ job }) => job.name);
      if (users.length)
        throw new CalpumpError('input.invalid', {
          params: {
            field: 'id',
            problem: text('problem.twoway.ruleInUse', { id, jobs: users.map((u) => `"${u}"`).join(', ') }),
          },
        });
    }
    const result = await rules(services).remove(id);
    if (result.removed) events.emit('data.changed', { group: 'twowayRules', id });
    return result;
  },
};

async function profileExists(services: CoreServices, name: string): Promise<Profile> {
  return services.profiles!.get(name);
}
