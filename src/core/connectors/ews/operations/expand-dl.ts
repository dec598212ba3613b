// ExpandDL, built and read natively: one level of a distribution or security group. Exchange answers nested groups
// as PublicDL entries (the caller expands them), mail contacts as Contact, and says with IncludesLastItemInRange
// whether the expansion is complete.
import { CalpumpError } from '../../../errors/calpump-error.js';
import { postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child, children, escapeXml, textOf } from '../xml/safe-xml.js';

export interface DlEntry {
  displayName: string;
  smtp: string;
  /** EWS MailboxType: Mailbox, PublicDL, PrivateDL, Contact, PublicFolder, GroupMailbox, OneOff, Unknown. */
  mailboxType: string;
}

export interface DlExpansion {
  entries: DlEntry[];
  /** False when Exchange stopped before the last member (the group is larger than its expansion limit). */
  complete: boolean;
}

/** Answers that mean "no group has this address" (unknown, or a mailbox rather than a group). */
const NOT_A_GROUP = new Set(['ErrorNameResolutionNoResults', 'ErrorInvalidItemForOperationExpandDL', 'ErrorNonExistentMailbox']);

export function expandDlBody(group: string): string {
  return `<m:ExpandDL><m:Mailbox><t:EmailAddress>${escapeXml(group)}</t:EmailAddress></m:Mailbox></m:ExpandDL>`;
}

export async function expandDl(s: EwsSession, group: string): Promise<DlExpansion> {
  const { messages, ctx } = await postNative(s, undefined, undefined, expandDlBody(group));
  if (throwIfError(messages[0], ctx, NOT_A_GROUP)) throw new CalpumpError('pump.group.notFound', { params: { group } });
  const set = child(messages[0], 'DLExpansion');
  if (!set) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'ExpandDL: missing=DLExpansion' });
  const entries: DlEntry[] = [];
  for (const m of children(set, 'Mailbox')) {
    const smtp = textOf(m, 'EmailAddress')?.trim();
    if (!smtp) continue;
    // Only SMTP addresses can be opened or expanded; an EX routing type comes with a legacy DN instead.
    const routing = textOf(m, 'RoutingType')?.trim();
    if (routing && routing !== 'SMTP') continue;
    entries.push({ smtp, displayName: textOf(m, 'Name')?.trim() || smtp, mailboxType: textOf(m, 'MailboxType')?.trim() ?? 'Unknown' });
  }
  return { entries, complete: (set.attrs.IncludesLastItemInRange ?? 'true') !== 'false' };
}
