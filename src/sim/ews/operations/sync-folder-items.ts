// SyncFolderItems: first call (no state) lists the folder, later calls return net Create/Update/Delete
// since the state, MaxChangesReturned at a time; IncludesLastItemInRange says whether more remain.
import { attr, child, childText, elementChildren } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import type { EwsCall } from '../call.js';
import { folderRefs, openFolderRef } from '../folder-ref.js';
import { calendarItemXml } from '../item-xml.js';
import { pimItemXml } from '../pim-item-xml.js';
import { viewOfEvent } from '../item-view.js';
import { perItem, wrapped } from '../responses.js';
import { parseShape } from '../shape.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';
import { changesSince, decodeSyncState, encodeSyncState, initialListing } from '../sync-state.js';

export async function syncFolderItems(call: EwsCall): Promise<string> {
  const shape = parseShape(child(call.op, 'ItemShape', NS.m));
  const ref = folderRefs(child(call.op, 'SyncFolderId', NS.m))[0];
  const max = Number(childText(call.op, 'MaxChangesReturned', NS.m) ?? 'NaN');
  const ignore = new Set(elementChildren(child(call.op, 'Ignore', NS.m)).map((e) => attr(e, 'Id') ?? ''));
  const messages = perItem(
    [ref],
    (r) => {
      if (!r) throw new EwsResponseError('ErrorInvalidRequest', 'The request is invalid.');
      if (!Number.isInteger(max) || max < 1 || max > 512)
        throw new EwsResponseError('ErrorInvalidArgument', 'MaxChangesReturned must be between 1 and 512.');
      const folder = openFolderRef(call, r, 'read');
      const world = call.world;
      const live = world.folderItems.get(folder.id) ?? new Set<string>();
      let state = decodeSyncState(childText(call.op, 'SyncState', NS.m), folder, world) ?? {
        folderId: folder.id,
        seq: world.seq,
        offset: 0,
      };
      const render = (kind: 'Create' | 'Update', id: string) => {
        const pim = world.items.get(id);
        if (pim) return `<t:${kind}>${pimItemXml(call, pim, shape, 'find')}</t:${kind}>`;
        const ev = world.events.get(id)!;
        return `<t:${kind}>${calendarItemXml(call, viewOfEvent(ev), shape, 'find')}</t:${kind}>`;
      };
      let xml = '';
      let includesLast: boolean;
      if (state.offset >= 0) {
        const listing = initialListing(folder, state.seq, live).filter((id) => !ignore.has(id));
        const page = listing.slice(state.offset, state.offset + max);
        xml = page.map((id) => render('Create', id)).join('');
        const done = state.offset + page.length >= listing.length;
        state = done ? { ...state, offset: -1 } : { ...state, offset: state.offset + page.length };
        includesLast = done && changesSince(folder, state.seq, live).length === 0;
      } else {
        const changes = changesSince(folder, state.seq, live).filter((c) => !ignore.has(c.itemId));
        const page = changes.slice(0, max);
        for (const c of page) {
          if (c.kind === 'delete') xml += `<t:Delete><t:ItemId Id="${esc(c.itemId)}"/></t:Delete>`;
          else xml += render(c.kind === 'create' ? 'Create' : 'Update', c.itemId);
        }
        includesLast = page.length >= changes.length;
        state = { ...state, seq: includesLast ? world.seq : page.at(-1)!.seq };
      }
      return successMessage(
        'SyncFolderItemsResponseMessage',
        `<m:SyncState>${encodeSyncState(state)}</m:SyncState><m:IncludesLastItemInRange>${includesLast}</m:IncludesLastItemInRange><m:Changes>${xml}</m:Changes>`,
      );
    },
    'SyncFolderItemsResponseMessage',
  );
  return wrapped('SyncFolderItems', messages);
}
