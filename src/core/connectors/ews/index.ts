export { createEwsConnector, EwsConnector, type EwsConnectorOptions } from './ews-connector.js';
export type { RecordedRequest, RequestRecorder } from './transport/ews-transport.js';
export type { HttpSender } from './transport/http-sender.js';
