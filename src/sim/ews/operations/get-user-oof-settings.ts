// GetUserOofSettings (Exchange 2007+): a mailbox's automatic replies. Unlike most operations the answer holds one
// bare ResponseMessage (no ResponseMessages list), then OofSettings and AllowExternalOof. Reading another mailbox's
// settings needs the caller to act as its owner: impersonation of that mailbox, or FullAccess on it; otherwise
// ErrorAccessDenied. An unknown address is ErrorNonExistentMailbox. Times are UTC.
import { child, childText } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import { automaticRepliesOf } from '../../world/automatic-replies.js';
import { mailboxOf } from '../../world/world.js';
import type { EwsCall } from '../call.js';
import { ACCESS_DENIED, isOwner } from '../call.js';
import { errorMessage, NS, successMessage } from '../soap.js';

const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

function response(inner: string): string {
  return `<m:GetUserOofSettingsResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}">${inner}</m:GetUserOofSettingsResponse>`;
}

export async function getUserOofSettings(call: EwsCall): Promise<string> {
  const address = (childText(child(call.op, 'Mailbox', NS.t), 'Address', NS.t) ?? '').trim();
  const mb = mailboxOf(call.world, address);
  if (!mb)
    return response(
      errorMessage('ResponseMessage', { code: 'ErrorNonExistentMailbox', message: 'The SMTP address has no mailbox associated with it.' }),
    );
  if (!isOwner(call, mb.smtp)) return response(errorMessage('ResponseMessage', { code: 'ErrorAccessDenied', message: ACCESS_DENIED }));
  const r = automaticRepliesOf(call.world, mb);
  const lang = mb.language === 'de' ? 'de-DE' : mb.language === 'nl' ? 'nl-NL' : 'en-US';
  const reply = (name: string, text: string) => `<t:${name} xml:lang="${lang}"><t:Message>${esc(text)}</t:Message></t:${name}>`;
  const settings =
    `<t:OofSettings><t:OofState>${r.state}</t:OofState><t:ExternalAudience>${r.externalAudience}</t:ExternalAudience>` +
    `<t:Duration><t:StartTime>${utc(r.start)}</t:StartTime><t:EndTime>${utc(r.end)}</t:EndTime></t:Duration>` +
    `${reply('InternalReply', r.internalReply)}${reply('ExternalReply', r.externalReply)}</t:OofSettings>`;
  return response(`${successMessage('ResponseMessage')}${settings}<m:AllowExternalOof>All</m:AllowExternalOof>`);
}
