// FindItem names internal organizers by their legacy Exchange DN (RoutingType EX); the normalised event wants
// SMTP. ResolveNames takes one name per request, so a page's distinct unknown DNs are looked up side by side
// (at most `parallel` at once per connector, shared by every mailbox being read), never one after the other.
// Answers are kept per connector (a bounded map; a DN being looked up is asked once however many pages want
// it) and, with a cache file, across runs. What ResolveNames cannot answer is left to the caller (GetItem).
import { resolveDnToSmtp } from './resolve-dn.js';
import type { EwsSession } from '../session.js';
import type { MailboxData } from './calendar-item.js';
import type { OrganizerCacheFile } from './organizer-cache.js';
import { Semaphore } from '../../../sync/bounded-pool.js';

const MAX_ENTRIES = 20_000;
/** ResolveNames requests in flight at once per connector. */
export const ORGANIZER_LOOKUPS_AT_ONCE = 8;

export interface OrganizerResolverOptions {
  max?: number;
  parallel?: number;
  /** DN → SMTP answers kept across runs. */
  file?: OrganizerCacheFile;
}

export class OrganizerResolver {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly lookups: Semaphore;

  constructor(private readonly o: OrganizerResolverOptions = {}) {
    this.lookups = new Semaphore(o.parallel ?? ORGANIZER_LOOKUPS_AT_ONCE);
  }

  static needs(m: MailboxData | undefined): boolean {
    return !!m?.email && (m.routingType === 'EX' || m.email.startsWith('/'));
  }

  private async lookUp(s: EwsSession, dn: string): Promise<string | undefined> {
    const remembered = await this.o.file?.get(dn);
    if (remembered) return remembered;
    const smtp = await this.lookups.run(() => resolveDnToSmtp(s, dn));
    if (smtp) await this.o.file?.set(dn, smtp);
    return smtp;
  }

  private smtpOf(s: EwsSession, dn: string): Promise<string | undefined> {
    const key = dn.toLowerCase();
    let p = this.cache.get(key);
    if (!p) {
      if (this.cache.size >= (this.o.max ?? MAX_ENTRIES)) this.cache.clear();
      p = this.lookUp(s, dn).catch((e: unknown) => {
        // Not remembered: the next read asks again. This read falls back to GetItem for the item.
        this.cache.delete(key);
        s.logger.debug('ews.organizer.resolveFailed', { reason: (e as { evidence?: string }).evidence ?? String(e) });
        return undefined;
      });
      this.cache.set(key, p);
    }
    return p;
  }

  /** Replaces EX organizers by their SMTP address, in place; returns the indexes it could not resolve. */
  async resolve(s: EwsSession, organizers: Array<MailboxData | undefined>): Promise<number[]> {
    const wanted = organizers.map((m) => (OrganizerResolver.needs(m) ? this.smtpOf(s, m!.email!) : undefined));
    const answers = await Promise.all(wanted.map((p) => p ?? Promise.resolve(undefined)));
    const unresolved: number[] = [];
    answers.forEach((smtp, i) => {
      if (wanted[i] === undefined) return;
      const m = organizers[i]!;
      if (smtp) {
        m.email = smtp;
        m.routingType = 'SMTP';
      } else unresolved.push(i);
    });
    return unresolved;
  }

  /** Writes what this run learnt to the cache file. */
  flush(): Promise<void> {
    return this.o.file?.flush() ?? Promise.resolve();
  }
}
