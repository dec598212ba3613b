export type * from './types.js';
export type { SimWorld } from './world.js';
export { mailboxOf, folderOf, eventsInFolder, childFolders, findAccount } from './world.js';
export { createWorld, DEFAULT_SEED, DEFAULT_EVENTS_PER_MAILBOX, type WorldOptions } from './create-world.js';
export { expectedEvents, comparableEvent, expandedItems, normaliseExpanded, type ComparableEvent } from './expected.js';
export type { WorldMutations } from './world.js';
export { DOMAIN, NETBIOS, DEFAULT_PASSWORD, SEED_MAILBOXES, SEED_ROOM_LISTS, SEED_GROUPS, IMPERSONATION_EXCLUDED } from './directory.js';
export { addGroupMember, removeGroupMember, groupOf, transitiveMembers } from './groups.js';
export { expectedContacts, expectedTasks, normaliseContact, normaliseTask } from './expected-items.js';
