// setup.discover and mailboxes.resolve: the first-run assistant's server discovery and the mailbox picker's
// "paste a list" check, both through the host's services so nothing is stored before the user saves.
import type { Mailbox } from '../../../shared/model.js';
import type { ResolvedAddress } from '../../../shared/rpc.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONCURRENCY = 6;

/** Runs fn over items with at most `limit` at a time, keeping the order of the answers. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>, signal: AbortSignal): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const same = (a: string | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

export const assistantHandlers: Pick<HandlerTable, 'setup.discover' | 'mailboxes.resolve'> = {
  async 'setup.discover'({ email, pinnedSha256 }, { services, signal }) {
    if (!services.discover) throw notAvailable('feature.discover');
    return services.discover(email, { pinnedSha256, signal });
  },
  async 'mailboxes.resolve'({ profileId, addresses }, { connectors, signal }) {
    const { connector } = await connectors.get(profileId);
    // Each address once, as first written.
    const seen = new Set<string>();
    const unique = addresses.map((a) => a.trim()).filter((a) => a && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
    const results = await mapLimited(
      unique,
      CONCURRENCY,
      async (input): Promise<ResolvedAddress> => {
        if (!ADDRESS.test(input)) return { input, problem: 'invalid' };
        const page = await connector.listMailboxes(input);
        const hit: Mailbox | undefined = page.items.find((m) => same(m.smtp, input) || same(m.upn, input));
        return hit ? { input, mailbox: hit } : { input, problem: 'notFound' };
      },
      signal,
    );
    return { results: results.filter(Boolean) };
  },
};
