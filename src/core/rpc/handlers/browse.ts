// mailboxes.list, folders.tree, items.preview, items.read: read-only browsing through the profile's connector.
import type { NormalisedItem } from '../../../shared/item-model.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import type { Connector } from '../../connectors/connector.js';
import type { Logger } from '../../log/logger.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';

/**
 * Gives each occurrence its series' pattern, read from the masters (one request per batch), so the detail pane can
 * say "every 2 weeks on Monday". The preview is about the items: a failed pattern read leaves the pattern out, logged.
 */
async function addSeriesPatterns(connector: Connector, mailbox: string, events: NormalisedEvent[], logger: Logger): Promise<void> {
  const ids = [...new Set(events.flatMap((e) => (e.seriesId ? [e.seriesId] : [])))];
  if (!ids.length || !connector.seriesRecurrence) return;
  try {
    const patterns = await connector.seriesRecurrence(mailbox, ids);
    for (const e of events) {
      const r = e.seriesId ? patterns.get(e.seriesId) : undefined;
      if (r) e.recurrence = r;
    }
  } catch (err) {
    logger.warn('browse.series.patternFailed', { mailbox, error: err instanceof Error ? err.message : String(err) });
  }
}

export const browseHandlers: Pick<HandlerTable, 'mailboxes.list' | 'folders.tree' | 'items.preview' | 'items.read'> = {
  async 'mailboxes.list'({ profileId, search, cursor }, { connectors }) {
    const { connector } = await connectors.get(profileId);
    return connector.listMailboxes(search || undefined, cursor);
  },
  async 'folders.tree'({ profileId, mailbox, kinds }, { connectors }) {
    const { connector } = await connectors.get(profileId);
    return { folders: await connector.folderTree(mailbox, kinds) };
  },
  async 'items.preview'({ profileId, mailbox, folderId, days, limit }, { connectors, signal, services }) {
    const { connector } = await connectors.get(profileId);
    const from = new Date();
    const to = new Date(from.getTime() + days * 86_400_000);
    const events: NormalisedEvent[] = [];
    let truncated = false;
    for await (const e of connector.calendarView(mailbox, folderId, from, to, { signal })) {
      if (events.length >= limit) {
        truncated = true;
        break;
      }
      events.push(e);
    }
    await addSeriesPatterns(connector, mailbox, events, services.logger);
    return { events, truncated };
  },
  async 'items.read'({ profileId, mailbox, folderId, content, limit }, { connectors, signal }) {
    const { connector } = await connectors.get(profileId);
    if (!connector.readItems) throw notAvailable('feature.contactsTasks');
    const items: NormalisedItem[] = [];
    let truncated = false;
    // Notes and bodies are left out, as an export does by default: the list shows who and what, not the text.
    for await (const item of connector.readItems(mailbox, folderId, content, { signal })) {
      if (items.length >= limit) {
        truncated = true;
        break;
      }
      items.push(item);
    }
    return { items, truncated };
  },
};
