// The presence document a mailbox gets — written by presence jobs (and so served at /feeds/<job>/<mailbox>.json)
// and by `calpump presence --out`: one shape, one file name, whoever writes it.
import type { AutomaticReplies } from '../connectors/connector.js';
import type { PresenceSpan } from './presence-engine.js';

export interface PresenceDocument {
  mailbox: string;
  computedAt: string;
  /** The saved rule table the status was computed with. */
  table: string;
  /** The status now and when it ends (= current.status / current.end), for displays that need nothing else. */
  status: string;
  until: string;
  current: PresenceSpan;
  upcoming: PresenceSpan[];
  /** Present when the rule table uses automatic replies: their state and window, and whether they are on now. */
  automaticReplies?: AutomaticReplies & { active: boolean };
}

/** `<mailbox>.json`, lower case, safe on Windows and Linux (the feed server looks the file up the same way). */
export function presenceDocumentName(mailbox: string): string {
  const m = mailbox
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._@+-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 100);
  return `${m}.json`;
}

export function presenceDocument(
  mailbox: string,
  computedAt: Date,
  table: string,
  current: PresenceSpan,
  upcoming: PresenceSpan[],
  automaticReplies?: PresenceDocument['automaticReplies'],
): PresenceDocument {
  const doc: PresenceDocument = {
    mailbox,
    computedAt: computedAt.toISOString(),
    table,
    status: current.status,
    until: current.end,
    current,
    upcoming,
  };
  if (automaticReplies) doc.automaticReplies = automaticReplies;
  return doc;
}
