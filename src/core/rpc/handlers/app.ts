// auth.*, doctor.run, setup.script, logs.*, app.*: thin over the optional services.
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';
import { IDLE_STATE } from './jobs.js';
import { defaultMailbox, runConnectorTest, stepStream, stepViews } from './profiles.js';

export const appHandlers: Pick<
  HandlerTable,
  | 'auth.status'
  | 'auth.login'
  | 'auth.logout'
  | 'doctor.run'
  | 'setup.script'
  | 'logs.tail'
  | 'logs.export'
  | 'app.getSettings'
  | 'app.setSettings'
  | 'app.version'
  | 'app.state'
  | 'app.cancel'
> = {
  async 'auth.status'({ profileId }, { services }) {
    if (!services.auth || !services.profiles) throw notAvailable('feature.signIn');
    return services.auth.status(await services.profiles.get(profileId));
  },
  async 'auth.login'({ profileId }, { services, signal, connectors }) {
    if (!services.auth || !services.profiles) throw notAvailable('feature.signIn');
    const result = await services.auth.login(await services.profiles.get(profileId), signal);
    await connectors.invalidate(profileId);
    return result;
  },
  async 'auth.logout'({ profileId }, { services, connectors }) {
    if (!services.auth || !services.profiles) throw notAvailable('feature.signIn');
    await services.auth.logout(await services.profiles.get(profileId));
    await connectors.invalidate(profileId);
    return { signedIn: false as const };
  },
  async 'doctor.run'({ profileId, mailbox, opId }, ctx) {
    const { services, connectors, signal } = ctx;
    const { profile, connector } = await connectors.get(profileId);
    const target = mailbox ?? profile.testMailbox;
    const onStep = stepStream(ctx, opId, { mailbox: target ?? '', profile: profile.name });
    if (!services.doctor) return runConnectorTest(connector, profile, defaultMailbox(profile, mailbox), onStep);
    const { steps, details } = await services.doctor(profile, connector, target, signal, onStep);
    const views = stepViews(steps, { mailbox: target ?? '', profile: profile.name });
    return { ok: steps.every((s) => s.status !== 'fail'), steps: views, details: details ?? {} };
  },
  async 'setup.script'({ profileId, scopeGroup }, { services }) {
    if (!services.setupScript || !services.profiles) throw notAvailable('feature.setupScript');
    return services.setupScript(await services.profiles.get(profileId), { scopeGroup });
  },
  async 'logs.tail'({ lines, level }, { services }) {
    if (!services.logs) throw notAvailable('feature.logViewer');
    return { lines: await services.logs.tail(lines, level) };
  },
  async 'logs.export'(_input, { services }) {
    if (!services.logs) throw notAvailable('feature.logExport');
    return services.logs.exportText();
  },
  async 'app.getSettings'(_input, { services }) {
    return services.settings.get();
  },
  async 'app.setSettings'(patch, { services, events }) {
    const settings = await services.settings.set(patch);
    events.emit('data.changed', { group: 'settings' });
    return settings;
  },
  'app.version'(_input, { services }) {
    return { version: services.version, features: services.features };
  },
  'app.state'(_input, { services }) {
    return services.jobs ? services.jobs.state() : IDLE_STATE;
  },
  // Replaced inside createDispatcher, which owns the table of running operations.
  'app.cancel'() {
    return { cancelled: false };
  },
};
