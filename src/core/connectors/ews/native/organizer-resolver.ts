// FindItem names internal organizers by their legacy Exchange DN (RoutingType EX); the normalised event wants
// SMTP. ResolveNames takes one name per request, so a page's distinct unknown DNs are looked up side by side
// (at most `parallel` at once per connector, shared by every mailbox being read), never one after the other.
// Answers are kept per connector (a bounded map; a DN being looked up is asked once however many pages want
// it) and, with a cache file, across runs. What ResolveNames cannot answer is left to the caller (GetItem).
import { resolveDnToSmtp } from './resolve-dn.js';
import { flatCopy } from '../xml/known-names.js';
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

/** One DN's lookup: settled once the answer (or the failure) is in; smtp is then what every item gets. */
interface Lookup {
  settled: boolean;
  smtp?: string;
  pending: Promise<void>;
}

export class OrganizerResolver {
  /** By lower-cased DN: each DN is looked up once whatever its case. */
  private readonly cache = new Map<string, Lookup>();
  /** The same lookups by the DN as the items spell it: a page's hundreds of items need no new string each. */
  private readonly spelt = new Map<string, Lookup>();
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

  private lookupOf(s: EwsSession, dn: string): Lookup {
    const known = this.spelt.get(dn);
    if (known) return known;
    // Kept for the connector's life: a copy, never a slice of the answer (which would keep the whole answer alive).
    dn = flatCopy(dn);
    const key = dn.toLowerCase();
    let l = this.cache.get(key);
    if (!l) {
      if (this.cache.size >= (this.o.max ?? MAX_ENTRIES)) {
        this.cache.clear();
        this.spelt.clear();
      }
      const entry: Lookup = { settled: false, pending: Promise.resolve() };
      entry.pending = this.lookUp(s, dn).then(
        (smtp) => {
          // A copy: the answer it was cut from is not kept for the connector's life.
          entry.smtp = smtp === undefined ? undefined : flatCopy(smtp);
          entry.settled = true;
        },
        (e: unknown) => {
          // Not remembered: the next read asks again. This read falls back to GetItem for the item.
          entry.settled = true;
          if (this.cache.get(key) === entry) this.cache.delete(key);
          for (const [k, v] of this.spelt) if (v === entry) this.spelt.delete(k);
          s.logger.debug('ews.organizer.resolveFailed', { reason: (e as { evidence?: string }).evidence ?? String(e) });
        },
      );
      l = entry;
      this.cache.set(key, l);
    }
    this.spelt.set(dn, l);
    return l;
  }

  /** Replaces EX organizers by their SMTP address, in place; returns the indexes it could not resolve. */
  async resolve(s: EwsSession, organizers: Array<MailboxData | undefined>): Promise<number[]> {
    // Neighbouring items often share their organizer: the same DN again needs no map lookup (no hash of a new string).
    let lastDn: string | undefined;
    let last: Lookup | undefined;
    const wanted = organizers.map((m) => {
      if (!OrganizerResolver.needs(m)) return undefined;
      const dn = m!.email!;
      if (dn !== lastDn) {
        lastDn = dn;
        last = this.lookupOf(s, dn);
      }
      return last;
    });
    // Only lookups still under way are waited for (each once): a page whose DNs are all known waits for nothing.
    const open = new Set<Promise<void>>();
    for (const l of wanted) if (l && !l.settled) open.add(l.pending);
    if (open.size) await Promise.all(open);
    const unresolved: number[] = [];
    wanted.forEach((l, i) => {
      if (l === undefined) return;
      const m = organizers[i]!;
      if (l.smtp) {
        m.email = l.smtp;
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
