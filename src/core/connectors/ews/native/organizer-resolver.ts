// FindItem names internal organizers by their legacy Exchange DN (RoutingType EX); the normalised event wants
// SMTP. Each DN is resolved once per connector (ResolveNames, rare: one per distinct organizer), and the
// answers are kept in a bounded map. What ResolveNames cannot answer is left to the caller (GetItem gives SMTP).
import { resolveDnToSmtp } from './resolve-dn.js';
import type { EwsSession } from '../session.js';
import type { MailboxData } from './calendar-item.js';

const MAX_ENTRIES = 20_000;

export class OrganizerResolver {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(private readonly max = MAX_ENTRIES) {}

  static needs(m: MailboxData | undefined): boolean {
    return !!m?.email && (m.routingType === 'EX' || m.email.startsWith('/'));
  }

  private smtpOf(s: EwsSession, dn: string): Promise<string | undefined> {
    const key = dn.toLowerCase();
    let p = this.cache.get(key);
    if (!p) {
      if (this.cache.size >= this.max) this.cache.clear();
      p = resolveDnToSmtp(s, dn).then(
        (smtp) => smtp,
        (e: unknown) => {
          // Not remembered: the next read asks again. This read falls back to GetItem for the item.
          this.cache.delete(key);
          s.logger.debug('ews.organizer.resolveFailed', { reason: (e as { evidence?: string }).evidence ?? String(e) });
          return undefined;
        },
      );
      this.cache.set(key, p);
    }
    return p;
  }

  /** Replaces EX organizers by their SMTP address, in place; returns the indexes it could not resolve. */
  async resolve(s: EwsSession, organizers: Array<MailboxData | undefined>): Promise<number[]> {
    const unresolved: number[] = [];
    for (let i = 0; i < organizers.length; i++) {
      const m = organizers[i];
      if (!OrganizerResolver.needs(m)) continue;
      const smtp = await this.smtpOf(s, m!.email!);
      if (smtp) {
        m!.email = smtp;
        m!.routingType = 'SMTP';
      } else unresolved.push(i);
    }
    return unresolved;
  }
}
