// Calpump's Exchange simulator: EWS SOAP + Autodiscover (here) and Graph/OAuth (src/sim/graph, src/sim/oauth).
export { startSimulator } from './server.js';
export type { SimOptions, RunningSimulator } from './types.js';
export type { SimCounters } from './counters.js';
export type { SimFaultControls, FaultKind, StagedFault } from './faults.js';
export type { SimContext, SimRoute } from './http/types.js';
export type { TlsMode } from './tls/certs.js';
export type { SimWorld } from './world/world.js';
export { createWorld, expectedEvents, comparableEvent, expectedContacts, expectedTasks } from './world/index.js';
