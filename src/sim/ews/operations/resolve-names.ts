// ResolveNames: one match → Success; several → Warning ErrorNameResolutionMultipleResults (still
// returning them, at most 100); none → Error ErrorNameResolutionNoResults.
import { attr, childText } from '../../xml/safe-parse.js';
import { esc, el } from '../../xml/escape.js';
import type { EwsCall } from '../call.js';
import { emailAddressXml, searchRecipients, type Recipient } from '../recipients.js';
import { wrapped } from '../responses.js';
import { errorMessage, NS, successMessage, warningMessage } from '../soap.js';

function contactXml(r: Recipient): string {
  const mb = r.mailbox;
  const [given, ...rest] = r.displayName.split(' ');
  return (
    `<t:Contact>${el('t:DisplayName', r.displayName)}${mb?.kind === 'user' ? el('t:GivenName', given) : ''}` +
    `<t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:${esc(r.smtp)}</t:Entry></t:EmailAddresses>` +
    `<t:ContactSource>ActiveDirectory</t:ContactSource>${el('t:Department', mb?.department)}${el('t:JobTitle', mb?.title)}` +
    `${el('t:OfficeLocation', mb?.office)}${mb?.kind === 'user' && rest.length ? el('t:Surname', rest.join(' ')) : ''}</t:Contact>`
  );
}

export async function resolveNames(call: EwsCall): Promise<string> {
  const entry = childText(call.op, 'UnresolvedEntry', NS.m) ?? '';
  const full = attr(call.op, 'ReturnFullContactData') === 'true';
  const found = searchRecipients(call.world, entry);
  const list = found.slice(0, 100);
  const set =
    `<m:ResolutionSet TotalItemsInView="${list.length}" IncludesLastItemInRange="${list.length === found.length}">` +
    list.map((r) => `<t:Resolution>${emailAddressXml('Mailbox', r)}${full ? contactXml(r) : ''}</t:Resolution>`).join('') +
    `</m:ResolutionSet>`;
  const name = 'ResolveNamesResponseMessage';
  const msg =
    found.length === 0
      ? errorMessage(name, { code: 'ErrorNameResolutionNoResults', message: 'No results were found.' })
      : found.length === 1
        ? successMessage(name, set)
        : warningMessage(name, { code: 'ErrorNameResolutionMultipleResults', message: 'Multiple results were found.' }, set);
  return wrapped('ResolveNames', msg);
}
