// ResolveNames for one legacy Exchange DN, natively (the organizer lookup of the read path must not load
// ews-javascript-api): the SMTP address of the one directory entry it names (see pickResolution), or undefined.
import { postNative, throwIfError } from './soap-call.js';
import type { EwsSession } from '../session.js';
import { child, escapeXml, textOf, type XmlNode } from '../xml/safe-xml.js';
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
  return pickResolution(child(msg, 'ResolutionSet')?.children ?? []);
}

/**
 * The SMTP address a set of resolutions names, preferring the directory: one directory entry (a mailbox, or
 * ContactSource ActiveDirectory) wins over any number of personal contacts; several directory entries, or only
 * several contacts, are ambiguous and answer nothing (the caller then asks GetItem) rather than guess the first.
 */
export function pickResolution(resolutions: readonly XmlNode[]): string | undefined {
  const candidates = resolutions.flatMap((r) => {
    const mb = readMailbox(child(r, 'Mailbox'));
    if (!mb?.email || !mb.email.includes('@') || (mb.routingType ?? 'SMTP') !== 'SMTP') return [];
    const type = textOf(child(r, 'Mailbox'), 'MailboxType')?.trim();
    const source = textOf(child(r, 'Contact'), 'ContactSource')?.trim();
    const directory = source === 'ActiveDirectory' || (source !== 'Store' && type !== 'Contact' && type !== 'PrivateDL');
    return [{ email: mb.email.trim(), directory }];
  });
  const pick = (list: typeof candidates) => {
    const distinct = [...new Set(list.map((c) => c.email.toLowerCase()))];
    return distinct.length === 1 ? list[0].email : undefined;
  };
  const directory = candidates.filter((c) => c.directory);
  return directory.length ? pick(directory) : pick(candidates);
}
