export { freeBusyJobSchema, FREEBUSY_FORMATS, type FreeBusyJob, type FreeBusyJobInput, type FreeBusyFormat } from './freebusy-job.js';
export { runFreeBusy, freeBusyFileName, type FreeBusyReport, type FreeBusyDeps } from './run-freebusy.js';
export { encodeBlocks, tidyBlocks } from './freebusy-format.js';
