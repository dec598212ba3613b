// The real implementations behind CliServices, loaded on first use so `calpump profiles list` does not load
// the EWS stack, the export writers or the simulator.
import { CalpumpError } from '../../core/errors/calpump-error.js';
import type { CliServices } from './context.js';

export const defaultServices: CliServices = {
  createConnector: async (profile, deps) => (await import('../../core/connectors/factory.js')).createConnector(profile, deps),
  runAdhocExport: async (req, deps) => (await import('../../core/sync/adhoc-export.js')).runAdhocExport(req, deps),
  runSimCommand: async (opts, io) => {
    // Built at run time: the simulator's CLI entry may not be part of every build.
    const specifier = '../../sim/cli.js';
    let mod: { runSimCommand?: CliServices['runSimCommand'] };
    try {
      mod = (await import(/* @vite-ignore */ specifier)) as typeof mod;
    } catch (e) {
      throw new CalpumpError('input.invalid', {
        params: { field: 'sim', problem: 'the simulator is not available in this build' },
        cause: e,
      });
    }
    if (!mod.runSimCommand)
      throw new CalpumpError('input.invalid', { params: { field: 'sim', problem: 'the simulator is not available in this build' } });
    return mod.runSimCommand(opts, io);
  },
};
