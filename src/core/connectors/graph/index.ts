export { createGraphConnector, type GraphInternals } from './graph-connector.js';
export { GraphTransport, type GraphCall, type GraphHttpResult, type BatchMember, type BatchMemberResult } from './transport.js';
export { mapGraphEvent, type GraphEvent } from './map-event.js';
