// CreateItem / UpdateItem / DeleteItem for calendar items, one request per batch. Invitations are never sent
// (SendToNone), and per-item answers become per-item outcomes: one refused item does not fail its neighbours.
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { WriteOutcome, WriteRequest } from '../../writer.js';
import { errorForResponseCode, messageError, responseMessages } from '../ews-errors.js';
import type { EwsSession } from '../session.js';
import { ewsEnvelope } from '../soap/envelope.js';
import { descendants, escapeXml, type XmlNode } from '../xml/safe-xml.js';
import { createItemXml, updateFieldsXml } from './calendar-item-xml.js';

const DISTINGUISHED = new Set(['calendar']);

export function folderRefXml(folder: string, mailbox: string): string {
  if (DISTINGUISHED.has(folder.toLowerCase())) {
    return `<t:DistinguishedFolderId Id="${escapeXml(folder.toLowerCase())}"><t:Mailbox><t:EmailAddress>${escapeXml(mailbox)}</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>`;
  }
  return `<t:FolderId Id="${escapeXml(folder)}"/>`;
}

export async function postAs(s: EwsSession, mailbox: string, folder: string | undefined, body: string) {
  const impersonate = s.access === 'impersonation' ? mailbox : undefined;
  return s.transport.post(s.url, ewsEnvelope(body, { version: s.version, impersonate }), { access: s.access, mailbox, folder });
}

function itemIdOf(msg: XmlNode): { id?: string; changeKey?: string } {
  const idEl = descendants(msg, 'ItemId')[0];
  return { id: idEl?.attrs.Id, changeKey: idEl?.attrs.ChangeKey };
}

function failure(s: EwsSession, mailbox: string, item: string, code: string, text: string): CalpumpError {
  if (code === 'ErrorIrresolvableConflict')
    return new CalpumpError('write.conflict', { params: { item, mailbox }, evidence: `${code}: ${text}` });
  const mapped = errorForResponseCode(code, text, { url: s.url, username: s.username, access: s.access, mailbox });
  if (mapped.id !== 'ews.response.error') return mapped;
  return new CalpumpError('write.refused', { params: { item, mailbox, reason: `${code}: ${text}` }, evidence: `${code}: ${text}` });
}

/** Per-message outcomes in request order; a whole-request failure fails every item with the same error. */
async function run(
  s: EwsSession,
  mailbox: string,
  folder: string | undefined,
  body: string,
  action: WriteOutcome['action'],
  labels: string[],
  tolerate: (code: string) => boolean = () => false,
): Promise<WriteOutcome[]> {
  let messages: XmlNode[];
  try {
    messages = responseMessages((await postAs(s, mailbox, folder, body)).envelope);
  } catch (e) {
    const error = e instanceof CalpumpError ? e : new CalpumpError('internal.unexpected', { params: { text: String(e) }, cause: e });
    return labels.map(() => ({ action, ok: false, error }));
  }
  return labels.map((label, i) => {
    const msg = messages[i];
    if (!msg)
      return {
        action,
        ok: false,
        error: new CalpumpError('ews.response.malformed', {
          params: { url: s.url },
          evidence: `ResponseMessages=${messages.length} asked=${labels.length}`,
        }),
      };
    const err = messageError(msg);
    if (err && !tolerate(err.code)) return { action, ok: false, error: failure(s, mailbox, label, err.code, err.text) };
    return { action, ok: true, ...itemIdOf(msg) };
  });
}

export function createItems(s: EwsSession, mailbox: string, folder: string, reqs: WriteRequest[]): Promise<WriteOutcome[]> {
  const body =
    `<m:CreateItem SendMeetingInvitations="SendToNone"><m:SavedItemFolderId>${folderRefXml(folder, mailbox)}</m:SavedItemFolderId>` +
    `<m:Items>${reqs.map(createItemXml).join('')}</m:Items></m:CreateItem>`;
  return run(s, mailbox, folder, body, 'create', reqs.map(label));
}

export function updateItems(s: EwsSession, mailbox: string, reqs: WriteRequest[]): Promise<WriteOutcome[]> {
  // AutoResolve + ChangeKey refuses a stale write (ErrorIrresolvableConflict); without ifUnchanged we overwrite.
  const strict = reqs.some((r) => r.ifUnchanged && r.existing?.changeKey);
  const changes = reqs
    .map((r) => {
      const ck = strict && r.ifUnchanged && r.existing!.changeKey ? ` ChangeKey="${escapeXml(r.existing!.changeKey)}"` : '';
      return `<t:ItemChange><t:ItemId Id="${escapeXml(r.existing!.id)}"${ck}/><t:Updates>${updateFieldsXml(r)}</t:Updates></t:ItemChange>`;
    })
    .join('');
  const body = `<m:UpdateItem ConflictResolution="${strict ? 'AutoResolve' : 'AlwaysOverwrite'}" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges>${changes}</m:ItemChanges></m:UpdateItem>`;
  return run(s, mailbox, undefined, body, 'update', reqs.map(label));
}

export function deleteItems(s: EwsSession, mailbox: string, ids: string[], permanent = false): Promise<WriteOutcome[]> {
  // Deleted Items, not HardDelete: a wrong source can be undone by the mailbox owner. Write checks delete for good.
  const body =
    `<m:DeleteItem DeleteType="${permanent ? 'HardDelete' : 'MoveToDeletedItems'}" SendMeetingCancellations="SendToNone"><m:ItemIds>` +
    ids.map((id) => `<t:ItemId Id="${escapeXml(id)}"/>`).join('') +
    `</m:ItemIds></m:DeleteItem>`;
  return run(s, mailbox, undefined, body, 'delete', ids, (code) => code === 'ErrorItemNotFound').then((out) =>
    out.map((o, i) => ({ ...o, id: o.id ?? ids[i] })),
  );
}

const label = (r: WriteRequest) => (r.tag ? r.tag.sourceKey : (r.existing?.id ?? r.appointment.subject));
