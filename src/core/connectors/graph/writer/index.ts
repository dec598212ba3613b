export { createGraphWriter, GraphCalendarWriter } from './graph-writer.js';
export type { GraphWriterInternals } from './graph-writer-context.js';
