// The CLI's commands, one line each: add `export * as <name> from './<name>.js';` to add a command.
export * as profiles from './profiles.js';
export * as mailboxes from './mailboxes.js';
export * as folders from './folders.js';
export * as export from './export.js';
export * as sim from './sim.js';
export * as doctor from './doctor.js';
export * as setupScript from './setup-script.js';
export * as serve from './serve.js';
export * as jobs from './jobs.js';
export * as auth from './auth.js';
export * as import from './import.js';
export * as presence from './presence.js';
export * as freebusy from './freebusy.js';
export * as twoway from './twoway.js';
export * as service from './service.js';
