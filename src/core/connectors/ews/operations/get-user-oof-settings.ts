// GetUserOofSettings, built and read natively: a mailbox's automatic replies. The answer is not the usual
// ResponseMessages list but one bare ResponseMessage beside OofSettings, so it is read here rather than through
// postNative. Exchange lets only the mailbox's owner read it: impersonate the mailbox, or hold FullAccess on it
// (a calendar folder right is not enough) — ErrorAccessDenied otherwise, reported with the right to grant.
import type { AutomaticReplies } from '../../connector.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { errorForResponseCode, messageError, type EwsCallContext } from '../ews-errors.js';
import { requestVersion } from '../native/soap-call.js';
import { callContext, type EwsSession } from '../session.js';
import { ewsEnvelope } from '../soap/envelope.js';
import { child, descendants, escapeXml, textOf, type XmlNode } from '../xml/safe-xml.js';

export function getUserOofSettingsBody(mailbox: string): string {
  return `<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>${escapeXml(mailbox)}</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>`;
}

/** EWS times in OofSettings are UTC, with or without a zone designator. */
function ewsUtc(text: string | undefined): string | undefined {
  const v = text?.trim();
  if (!v) return undefined;
  const ms = Date.parse(/(?:[zZ]|[+-]\d\d:\d\d)$/.test(v) ? v : `${v}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The OofSettings of a GetUserOofSettings answer (the SOAP envelope); undefined when it holds none. */
export function parseEwsOofSettings(envelope: XmlNode): AutomaticReplies | undefined {
  const settings = descendants(envelope, 'OofSettings')[0];
  if (!settings) return undefined;
  const state = textOf(settings, 'OofState')?.trim();
  const duration = child(settings, 'Duration');
  if (state === 'Enabled') return { state: 'enabled' };
  if (state === 'Scheduled')
    return { state: 'scheduled', start: ewsUtc(textOf(duration, 'StartTime')), end: ewsUtc(textOf(duration, 'EndTime')) };
  return { state: 'disabled' };
}

export async function getUserOofSettings(s: EwsSession, mailbox: string): Promise<AutomaticReplies> {
  const c = callContext(s, mailbox);
  const impersonate = c.impersonate ?? (c.access === 'impersonation' && !!c.mailbox);
  const envelope = ewsEnvelope(getUserOofSettingsBody(mailbox), {
    version: requestVersion(s.version),
    impersonate: impersonate ? c.mailbox : undefined,
  });
  const ctx: EwsCallContext = { url: s.url, username: s.username, access: c.access, mailbox };
  const answer = await s.transport.post(s.url, envelope, { access: c.access, mailbox });
  const message = child(child(child(answer.envelope, 'Body'), 'GetUserOofSettingsResponse'), 'ResponseMessage');
  if (!message)
    throw new CalpumpError('ews.response.malformed', {
      params: { url: s.url },
      evidence: 'GetUserOofSettings: missing=ResponseMessage',
    });
  const err = messageError(message);
  if (err?.code === 'ErrorAccessDenied')
    throw new CalpumpError('presence.automaticReplies.denied', {
      params: { mailbox, username: s.username, access: c.access },
      evidence: `GetUserOofSettings ${err.code}: ${err.text}`,
    });
  if (err) throw errorForResponseCode(err.code, err.text, ctx, err.backoffMs);
  const settings = parseEwsOofSettings(answer.envelope);
  if (!settings)
    throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'GetUserOofSettings: missing=OofSettings' });
  return settings;
}
