// FindPeople (Exchange 2013+) over the directory, paged with IndexedPageItemView.
import { attr, child, childText } from '../../xml/safe-parse.js';
import { esc, el } from '../../xml/escape.js';
import type { EwsCall } from '../call.js';
import { emailAddressXml, recipients, searchRecipients } from '../recipients.js';
import { EwsResponseError, NS } from '../soap.js';
import { mailboxGuid } from '../../autodiscover/settings.js';

export async function findPeople(call: EwsCall): Promise<string> {
  const view = child(call.op, 'IndexedPageItemView', NS.m);
  const query = childText(call.op, 'QueryString', NS.m);
  const max = Number(attr(view, 'MaxEntriesReturned') ?? 100);
  const offset = Number(attr(view, 'Offset') ?? 0);
  if (!view || !Number.isInteger(max) || max < 1) throw new EwsResponseError('ErrorInvalidArgument', 'IndexedPageItemView is required.');
  const all = (query ? searchRecipients(call.world, query) : recipients(call.world)).filter((r) => r.mailboxType === 'Mailbox');
  const page = all.slice(offset, offset + max);
  const people = page
    .map((r) => {
      const personaId = Buffer.from(`persona|${mailboxGuid(r.smtp)}`).toString('base64');
      return (
        `<t:Persona><t:PersonaId Id="${esc(personaId)}"/><t:PersonaType>Person</t:PersonaType>${el('t:DisplayName', r.displayName)}` +
        `${el('t:Title', r.mailbox?.title)}${el('t:Department', r.mailbox?.department)}${emailAddressXml('EmailAddress', r)}` +
        `<t:RelevanceScore>${2147483647}</t:RelevanceScore></t:Persona>`
      );
    })
    .join('');
  return (
    `<m:FindPeopleResponse ResponseClass="Success" xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseCode>NoError</m:ResponseCode>` +
    `<m:People>${people}</m:People><m:TotalNumberOfPeopleInView>${all.length}</m:TotalNumberOfPeopleInView>` +
    `<m:FirstMatchingRowIndex>${offset}</m:FirstMatchingRowIndex><m:FirstLoadedRowIndex>${offset}</m:FirstLoadedRowIndex></m:FindPeopleResponse>`
  );
}
