// FindItem over a Contacts or Tasks folder: the items in id order, paged by an IndexedPageItemView.
import type { SimFolder, SimItem } from '../../world/types.js';
import { attr } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';

const FIND_COUNT_LIMIT = 1000;

export function pagedItems(call: EwsCall, folder: SimFolder, pageView: Element | undefined): { items: SimItem[]; rootAttrs: string } {
  const all = [...(call.world.folderItems.get(folder.id) ?? [])]
    .map((id) => call.world.items.get(id))
    .filter((i) => i !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const max = Math.min(Number(attr(pageView, 'MaxEntriesReturned') ?? FIND_COUNT_LIMIT), FIND_COUNT_LIMIT);
  const offset = Math.min(Number(attr(pageView, 'Offset') ?? 0), all.length);
  const items = all.slice(offset, offset + max);
  const next = offset + items.length;
  return {
    items,
    rootAttrs: `IndexedPagingOffset="${next}" TotalItemsInView="${all.length}" IncludesLastItemInRange="${next >= all.length}"`,
  };
}
