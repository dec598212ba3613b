// ResolveNames for one legacy Exchange DN, natively (the organizer lookup of the read path must not load
// ews-javascript-api): the SMTP address of the first resolution, or undefined when the directory has none.
import { postNative, throwIfError } from './soap-call.js';
import type { EwsSession } from '../session.js';
import { child, escapeXml } from '../xml/safe-xml.js';
import { readMailbox } from './calendar-item.js';

const NO_RESULTS = new Set(['ErrorNameResolutionNoResults']);

export function resolveDnBody(dn: string): string {
  return `<m:ResolveNames ReturnFullContactData="false" SearchScope="ActiveDirectory"><m:UnresolvedEntry>${escapeXml(dn)}</m:UnresolvedEntry></m:ResolveNames>`;
}

export async function resolveDnToSmtp(s: EwsSession, dn: string): Promise<string | undefined> {
  // Directory lookups act as the service account (no mailbox), as resolve-names.ts does.
  const { messages, ctx } = await postNative(s, undefined, undefined, resolveDnBody(dn));
  const msg = messages[0];
  if (throwIfError(msg, ctx, NO_RESULTS)) return undefined;
  for (const r of child(msg, 'ResolutionSet')?.children ?? []) {
    const mb = readMailbox(child(r, 'Mailbox'));
    if (mb?.email && mb.email.includes('@') && (mb.routingType ?? 'SMTP') === 'SMTP') return mb.email;
  }
  return undefined;
}
