export { importJobSchema, type ImportJob, type ImportJobInput, type ImportSource } from './import-job.js';
export { runImport, type ImportReport, type ImportRunDeps, type ImportProgress, type MailboxImportResult } from './run-import.js';
export { readSource } from './sources/read-source.js';
