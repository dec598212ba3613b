export * from './dispatcher.js';
export * from './event-hub.js';
export * from './services.js';
export * from './connector-pool.js';
