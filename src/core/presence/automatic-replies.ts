// A mailbox's automatic replies (out of office) as presence reads them: off, on, or on within a window. The
// connectors read them (EWS GetUserOofSettings, Graph /mailboxSettings/automaticRepliesSetting; the parsers live
// beside those calls and are re-exported here); presence asks only whether replies go out at a given instant.
import type { AutomaticReplies } from '../connectors/connector.js';

export type { AutomaticReplies } from '../connectors/connector.js';
export { parseEwsOofSettings } from '../connectors/ews/operations/get-user-oof-settings.js';
export { parseGraphAutomaticReplies } from '../connectors/graph/operations/automatic-replies.js';

/** True when replies go out at `now`: always when enabled, inside [start, end) when scheduled. */
export function repliesActive(r: AutomaticReplies, now: Date): boolean {
  if (r.state === 'enabled') return true;
  if (r.state !== 'scheduled' || !r.start || !r.end) return false;
  const t = now.getTime();
  return t >= Date.parse(r.start) && t < Date.parse(r.end);
}
