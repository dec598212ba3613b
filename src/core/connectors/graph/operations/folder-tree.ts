// Calendar folders of a mailbox: calendar groups, their calendars (one $batch for all groups), and each
// calendar's item count (one $batch of $count requests per 20 calendars); contact folders and To Do lists when asked.
import type { Folder, FolderKind } from '../../../../shared/model.js';
import { graphBatch, graphGet, seg, type GraphContext } from '../graph-context.js';
import { itemFolderTree } from './item-folders.js';

interface Group {
  id: string;
  name: string;
}
interface Calendar {
  id: string;
  name: string;
  isDefaultCalendar?: boolean;
}

export async function folderTree(ctx: GraphContext, mailbox: string, kinds: FolderKind[] = ['calendar']): Promise<Folder[]> {
  const calendars = kinds.includes('calendar') || kinds.includes('other') ? await calendarTree(ctx, mailbox, kinds) : [];
  return [...calendars, ...(await itemFolderTree(ctx, mailbox, kinds))];
}

async function calendarTree(ctx: GraphContext, mailbox: string, kinds: FolderKind[]): Promise<Folder[]> {
  const m = seg(mailbox);
  const groups = (await graphGet<{ value?: Group[] }>(ctx, `/users/${m}/calendarGroups?$select=id,name`)).value ?? [];
  const calendarPages = await graphBatch(
    ctx,
    groups.map((g, i) => ({
      id: String(i + 1),
      method: 'GET' as const,
      url: `/users/${m}/calendarGroups/${seg(g.id)}/calendars?$select=id,name,isDefaultCalendar&$top=250`,
    })),
    'calendars',
    mailbox,
  );
  const calendars: Array<{ group: Group; cal: Calendar }> = [];
  calendarPages.forEach((r, i) => {
    if (r.error) throw r.error;
    for (const cal of (r.body as { value?: Calendar[] })?.value ?? []) calendars.push({ group: groups[i], cal });
  });
  const counts = await graphBatch(
    ctx,
    calendars.map(({ cal }, i) => ({
      id: String(i + 1),
      method: 'GET' as const,
      url: `/users/${m}/calendars/${seg(cal.id)}/events?$count=true&$top=1&$select=id`,
    })),
    'events',
    mailbox,
  );
  const out: Folder[] = [];
  if (kinds.includes('other')) {
    for (const g of groups) {
      out.push({
        id: g.id,
        name: g.name,
        path: g.name,
        kind: 'other',
        totalCount: 0,
        childCount: calendars.filter((c) => c.group.id === g.id).length,
      });
    }
  }
  if (kinds.includes('calendar')) {
    calendars.forEach(({ group, cal }, i) => {
      const count = counts[i];
      if (count.error) throw count.error;
      const f: Folder = {
        id: cal.id,
        name: cal.name,
        path: cal.isDefaultCalendar ? cal.name : `${cal.name}`,
        kind: 'calendar',
        totalCount: Number((count.body as { '@odata.count'?: number })?.['@odata.count'] ?? 0),
        childCount: 0,
      };
      if (kinds.includes('other')) f.parentId = group.id;
      if (cal.isDefaultCalendar) f.distinguishedId = 'calendar';
      out.push(f);
    });
  }
  return out;
}
