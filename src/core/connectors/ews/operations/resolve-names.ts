// ResolveNames against the directory with full contact data (ambiguous names come back as a Warning with
// several resolutions, which is a result, not an error).
import type * as ews from 'ews-javascript-api';
import { libraryCall, prop } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';

export interface ResolvedName {
  displayName: string;
  smtp: string;
  mailboxType?: string;
}

export async function resolveNames(s: EwsSession, search: string): Promise<ResolvedName[]> {
  return libraryCall(callContext(s, undefined, undefined, false), async (svc, ews) => {
    let coll: ews.NameResolutionCollection;
    try {
      coll = await svc.ResolveName(search, ews.ResolveNameSearchLocation.DirectoryOnly, true);
    } catch (e) {
      // No match is an answer ("ErrorNameResolutionNoResults"), not a failure.
      if ((e as { ErrorCode?: number }).ErrorCode === ews.ServiceError.ErrorNameResolutionNoResults) return [];
      throw e;
    }
    const out: ResolvedName[] = [];
    for (const r of coll.GetEnumerator()) {
      const smtp = r.Mailbox?.Address;
      if (!smtp) continue;
      const type = prop(() => r.Mailbox.MailboxType);
      out.push({
        displayName: r.Mailbox.Name || prop(() => r.Contact?.DisplayName) || smtp,
        smtp,
        mailboxType: type === undefined || type === null ? undefined : ews.MailboxType[type],
      });
    }
    return out;
  });
}
