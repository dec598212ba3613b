// Presence for a list of mailboxes: read each calendar around now (a day either side of the horizon, so
// all-day items in any zone are seen), compute current + upcoming status, and write one presence document per
// mailbox (presence-document.ts; atomically, so a status board polling the folder never reads half a file). One failing mailbox is reported
// and the others are still written. Attendee lists are never read: presence does not need them, and leaving
// them out spares EWS a GetItem per 50 items. Automatic replies are read once per mailbox, and only when a rule of
// the table uses them (they need more rights than the calendar: see Connector.automaticReplies).
import { join } from 'node:path';
import type { ErrorInfo } from '../../shared/errors.js';
import type { NormalisedEvent } from '../../shared/model.js';
import type { AutomaticReplies, Connector } from '../connectors/connector.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Logger } from '../log/logger.js';
import { mapBounded } from '../sync/bounded-pool.js';
import { computePresence, type PresenceSpan } from './presence-engine.js';
import { usesAutomaticReplies, type PresenceTable } from './presence-rules.js';
import { repliesActive } from './automatic-replies.js';
import { presenceDocument, presenceDocumentName } from './presence-document.js';

export interface PresenceRequest {
  mailboxes: string[];
  folder?: string;
  table: PresenceTable;
  /** Zone for all-day items whose own zone is unknown. */
  timeZone?: string;
  horizonHours?: number;
  /** Where to write each mailbox's `<mailbox>.json` presence document; empty = report only. */
  outDir?: string;
  /** Name of the rule table, recorded in the document (default "default"). */
  tableName?: string;
  concurrency?: number;
  signal?: AbortSignal;
}

export interface MailboxPresence {
  mailbox: string;
  generatedAt: string;
  ok: boolean;
  current?: PresenceSpan;
  upcoming?: PresenceSpan[];
  /** Read only when a rule uses them; `active` = on at the presence instant. */
  automaticReplies?: AutomaticReplies & { active: boolean };
  file?: string;
  error?: ErrorInfo;
}

export interface PresenceDeps {
  connector: Connector;
  logger: Logger;
  now?: () => Date;
}

export async function runPresence(req: PresenceRequest, deps: PresenceDeps): Promise<MailboxPresence[]> {
  const now = deps.now?.() ?? new Date();
  const horizon = req.horizonHours ?? req.table.horizonHours;
  const from = new Date(now.getTime() - 86_400_000);
  const to = new Date(now.getTime() + (horizon + 24) * 3_600_000);
  const readReplies = usesAutomaticReplies(req.table);
  return mapBounded(req.mailboxes, req.concurrency ?? 4, async (mailbox) => {
    const out: MailboxPresence = { mailbox, generatedAt: now.toISOString(), ok: true };
    try {
      const events: NormalisedEvent[] = [];
      for await (const e of deps.connector.calendarView(mailbox, req.folder ?? 'calendar', from, to, {
        includeAttendees: false,
        signal: req.signal,
      }))
        events.push(e);
      const replies = readReplies ? await automaticRepliesOf(deps.connector, mailbox) : undefined;
      if (replies) out.automaticReplies = { ...replies, active: repliesActive(replies, now) };
      Object.assign(
        out,
        computePresence(events, now, req.table, { timeZone: req.timeZone, horizonHours: horizon, automaticReplies: replies }),
      );
      if (req.outDir) {
        const file = join(req.outDir, presenceDocumentName(mailbox));
        const doc = presenceDocument(mailbox, now, req.tableName ?? 'default', out.current!, out.upcoming ?? [], out.automaticReplies);
        await writeFileAtomic(file, `${JSON.stringify(doc, null, 2)}\n`, 0o644);
        out.file = file;
      }
    } catch (e) {
      const err = toCalpumpError(e);
      deps.logger.warn('presence.mailbox.failed', { mailbox, errorId: err.id });
      out.ok = false;
      out.error = err.info();
    }
    return out;
  });
}

async function automaticRepliesOf(connector: Connector, mailbox: string): Promise<AutomaticReplies> {
  if (!connector.automaticReplies) throw new CalpumpError('presence.automaticReplies.unsupported', { params: { backend: connector.kind } });
  return connector.automaticReplies(mailbox);
}
