// The real implementations behind CliServices, loaded on first use (literal import()s, which the CLI bundle
// splits into their own chunks) so `calpump profiles list` does not load the EWS stack, the export writers or
// the simulator.
import type { CliServices } from './context.js';

export const defaultServices: CliServices = {
  createConnector: async (profile, deps) => (await import('../../core/connectors/factory.js')).createConnector(profile, deps),
  createWriter: async (profile, deps) => (await import('../../core/connectors/writer-factory.js')).createWriter(profile, deps),
  runAdhocExport: async (req, deps) => (await import('../../core/sync/adhoc-export.js')).runAdhocExport(req, deps),
  runSimCommand: async (opts, io) => (await import('../../sim/cli.js')).runSimCommand(opts, io),
};
