import type { HandlerTable } from '../dispatcher.js';
import { appHandlers } from './app.js';
import { browseHandlers } from './browse.js';
import { jobHandlers } from './jobs.js';
import { profileHandlers } from './profiles.js';

export const coreHandlers: HandlerTable = { ...profileHandlers, ...browseHandlers, ...jobHandlers, ...appHandlers };
