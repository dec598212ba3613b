// ExpandDL (Exchange 2007+): one level of a distribution or security group, as Exchange answers it — mailboxes as
// Mailbox, nested groups as PublicDL (the client expands them), mail contacts as Contact. An unknown address is
// ErrorNameResolutionNoResults. Exchange caps an expansion; past the cap IncludesLastItemInRange is false.
import { child, childText } from '../../xml/safe-parse.js';
import { directMembers, groupOf } from '../../world/groups.js';
import type { EwsCall } from '../call.js';
import { emailAddressXml, type Recipient } from '../recipients.js';
import { wrapped } from '../responses.js';
import { errorMessage, NS, successMessage } from '../soap.js';

/** Entries per expansion before the server stops (fixtures cover a truncated answer). */
export const EXPAND_DL_LIMIT = 100;

export async function expandDl(call: EwsCall): Promise<string> {
  const address = (childText(child(call.op, 'Mailbox', NS.m), 'EmailAddress', NS.t) ?? '').trim().toLowerCase();
  const name = 'ExpandDLResponseMessage';
  const roomList = call.world.roomLists.find((l) => l.smtp === address);
  const group = groupOf(call.world, address);
  if (!group && !roomList)
    return wrapped('ExpandDL', errorMessage(name, { code: 'ErrorNameResolutionNoResults', message: 'No results were found.' }));
  const entries: Recipient[] = group
    ? directMembers(call.world, group).map((e) =>
        e.kind === 'mailbox'
          ? { smtp: e.mailbox.smtp, displayName: e.mailbox.displayName, mailboxType: 'Mailbox' }
          : e.kind === 'group'
            ? { smtp: e.group.smtp, displayName: e.group.displayName, mailboxType: 'PublicDL' }
            : { smtp: e.smtp, displayName: e.displayName, mailboxType: 'Contact' },
      )
    : roomList!.rooms.flatMap((r) => {
        const mb = call.world.mailboxes.get(r);
        return mb ? [{ smtp: mb.smtp, displayName: mb.displayName, mailboxType: 'Mailbox' as const }] : [];
      });
  const shown = entries.slice(0, EXPAND_DL_LIMIT);
  const set =
    `<m:DLExpansion TotalItemsInView="${shown.length}" IncludesLastItemInRange="${shown.length === entries.length}">` +
    shown.map((r) => emailAddressXml('Mailbox', r)).join('') +
    `</m:DLExpansion>`;
  return wrapped('ExpandDL', successMessage(name, set));
}
