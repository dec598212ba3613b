// A Contacts or Tasks folder read in full, built and read natively: FindItem (IdOnly, IndexedPageItemView) pages
// the ids, GetItem reads each batch of 50 with the properties the normalised item needs (FindItem cannot return
// the body). Answers are matched to the ids by ItemId: an item deleted in between (ErrorItemNotFound) is absent,
// an item of another kind (a distribution list among contacts) is a reported skip, and an answer that does not
// account for every id is an error, never a silent loss.
import type { JobContent, NormalisedItem } from '../../../../shared/item-model.js';
import { skipSubject, type ItemSkipReporter } from '../../connector.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { EwsCallContext } from '../ews-errors.js';
import { messageError } from '../ews-errors.js';
import { contactOf, taskOf } from '../native/pim-item.js';
import { fieldUris, folderIdXml, postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child, escapeXml, textOf, type XmlNode } from '../xml/safe-xml.js';
import { GET_ITEM_BATCH, skipReporter } from './get-calendar-items.js';

export type PimContent = Exclude<JobContent, 'calendar'>;

// Subject and Sensitivity also name an item of another kind the read leaves out (never a private one's subject).
const COMMON = ['item:Categories', 'item:LastModifiedTime', 'item:Sensitivity'];
export const PIM_FIELDS: Record<PimContent, string[]> = {
  contacts: [
    'item:Subject',
    ...COMMON,
    'contacts:DisplayName',
    'contacts:GivenName',
    'contacts:MiddleName',
    'contacts:Nickname',
    'contacts:CompanyName',
    'contacts:EmailAddresses',
    'contacts:PhysicalAddresses',
    'contacts:PhoneNumbers',
    'contacts:Birthday',
    'contacts:Department',
    'contacts:JobTitle',
    'contacts:Surname',
  ],
  tasks: ['item:Subject', ...COMMON, 'item:Importance', 'task:CompleteDate', 'task:DueDate', 'task:StartDate', 'task:Status'],
};
const ELEMENT: Record<PimContent, string> = { contacts: 'Contact', tasks: 'Task' };
const GONE = new Set(['ErrorItemNotFound']);

export interface ReadPimOptions {
  includeBody?: boolean;
  signal?: AbortSignal;
  onItemSkipped?: ItemSkipReporter;
  /** MaxEntriesReturned per FindItem page (default 500). */
  pageSize?: number;
}

export function findItemIdsBody(mailbox: string, folder: string, offset: number, max: number): string {
  return (
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
    `<m:IndexedPageItemView MaxEntriesReturned="${max}" Offset="${offset}" BasePoint="Beginning"/>` +
    `<m:ParentFolderIds>${folderIdXml(folder, mailbox)}</m:ParentFolderIds></m:FindItem>`
  );
}

export function getPimItemsBody(ids: string[], content: PimContent, includeBody: boolean): string {
  const fields = includeBody ? [...PIM_FIELDS[content], 'item:Body'] : PIM_FIELDS[content];
  const shape = `<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>${includeBody ? '<t:BodyType>Text</t:BodyType>' : ''}${fieldUris(fields)}</m:ItemShape>`;
  return `<m:GetItem>${shape}<m:ItemIds>${ids.map((id) => `<t:ItemId Id="${escapeXml(id)}"/>`).join('')}</m:ItemIds></m:GetItem>`;
}

function malformed(ctx: EwsCallContext, problem: string): CalpumpError {
  return new CalpumpError('ews.response.malformed', { params: { url: ctx.url }, evidence: problem });
}

async function findIds(s: EwsSession, mailbox: string, folder: string, offset: number, max: number) {
  const { messages, ctx } = await postNative(s, mailbox, folder, findItemIdsBody(mailbox, folder, offset, max));
  throwIfError(messages[0], ctx);
  const root = child(messages[0], 'RootFolder');
  if (!root) throw malformed(ctx, 'FindItem answer without RootFolder');
  const ids = (child(root, 'Items')?.children ?? []).map((i) => child(i, 'ItemId')?.attrs.Id);
  if (ids.some((id) => !id)) throw malformed(ctx, 'FindItem: item missing=ItemId');
  const next = Number(root.attrs.IndexedPagingOffset ?? offset + ids.length);
  return { ids: ids as string[], next, last: root.attrs.IncludesLastItemInRange !== 'false' || ids.length === 0 };
}

/** The items of one GetItem answer, in the order asked; ids Exchange says are gone are left out. */
function matchPim(
  ids: string[],
  messages: XmlNode[],
  ctx: EwsCallContext,
  content: PimContent,
  skip: ItemSkipReporter,
  includeBody: boolean,
): NormalisedItem[] {
  let gone = 0;
  for (const msg of messages) if (messageError(msg) && throwIfError(msg, ctx, GONE)) gone++;
  if (messages.length !== ids.length) throw malformed(ctx, `GetItem: ${messages.length} response messages for ${ids.length} ids`);
  const found = new Map<string, NormalisedItem>();
  const other = new Map<string, XmlNode>();
  for (const msg of messages) {
    if (messageError(msg)) continue;
    for (const item of child(msg, 'Items')?.children ?? []) {
      const id = child(item, 'ItemId')?.attrs.Id;
      if (!id) throw malformed(ctx, `GetItem: ${item.name} missing=ItemId`);
      if (item.name === ELEMENT[content])
        found.set(id, content === 'contacts' ? contactOf(item, id, includeBody) : taskOf(item, id, includeBody));
      else other.set(id, item);
    }
  }
  const asked = new Set(ids);
  if ([...found.keys(), ...other.keys()].some((id) => !asked.has(id))) throw malformed(ctx, 'GetItem: answered ids nobody asked for');
  if (ids.filter((id) => !found.has(id) && !other.has(id)).length !== gone) throw malformed(ctx, 'GetItem: ids left unanswered');
  for (const [itemId, node] of other) {
    const itemClass = node.name;
    const subject = skipSubject(textOf(node, 'Subject'), textOf(node, 'Sensitivity'));
    skip({
      itemId,
      ...(subject ? { subject } : {}),
      error: new CalpumpError('pump.item.otherKind', {
        params: { itemId, itemClass, mailbox: ctx.mailbox ?? '?', folder: ctx.folder ?? '?', content },
        evidence: `${itemClass} ${itemId}`,
      }),
    });
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

export async function* readPimItems(
  s: EwsSession,
  mailbox: string,
  folder: string,
  content: PimContent,
  opts: ReadPimOptions = {},
): AsyncIterable<NormalisedItem> {
  const skip = skipReporter(s, opts.onItemSkipped);
  const max = opts.pageSize ?? 500;
  let offset = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const page = await findIds(s, mailbox, folder, offset, max);
    for (let i = 0; i < page.ids.length; i += GET_ITEM_BATCH) {
      const batch = page.ids.slice(i, i + GET_ITEM_BATCH);
      const { messages, ctx } = await postNative(s, mailbox, folder, getPimItemsBody(batch, content, !!opts.includeBody));
      yield* matchPim(batch, messages, ctx, content, skip, !!opts.includeBody);
    }
    if (page.last || page.next <= offset) return;
    offset = page.next;
  }
}
