export { createEwsWriter, EwsCalendarWriter, EWS_WRITE_BATCH } from './ews-writer.js';
export type { EwsWriterOptions } from './ews-writer-session.js';
