export {
  DEFAULT_RULE_TABLE,
  DEFAULT_RULE_TABLE_INPUT,
  PRESENCE_STATUSES,
  presenceTableSchema,
  loadRuleTable,
  parseRuleTable,
  usesAutomaticReplies,
  wildcard,
  type PresenceRule,
  type PresenceTable,
  type PresenceTableInput,
} from './presence-rules.js';
export { computePresence, matchRule, excluded, type PresenceResult, type PresenceSpan } from './presence-engine.js';
export { runPresence, type MailboxPresence, type PresenceRequest, type PresenceDeps } from './run-presence.js';
export { presenceDocument, presenceDocumentName, type PresenceDocument } from './presence-document.js';
export { repliesActive, type AutomaticReplies } from './automatic-replies.js';
