import type { HandlerTable } from '../handler-types.js';
import { appHandlers } from './app.js';
import { assistantHandlers } from './assistant.js';
import { browseHandlers } from './browse.js';
import { hostFileHandlers } from './host-files.js';
import { jobHandlers } from './jobs.js';
import { profileHandlers } from './profiles.js';
import { ruleStoreHandlers } from './rule-stores.js';
import { writeCheckHandlers } from './write-check.js';
import { writeDirectionHandlers } from './write-direction.js';

export const coreHandlers: HandlerTable = {
  ...profileHandlers,
  ...writeCheckHandlers,
  ...browseHandlers,
  ...jobHandlers,
  ...appHandlers,
  ...writeDirectionHandlers,
  ...ruleStoreHandlers,
  ...assistantHandlers,
  ...hostFileHandlers,
};
