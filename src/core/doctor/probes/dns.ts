// DNS probe. The resolver is injected so tests can stage "no such host" without touching real DNS, and so
// the doctor can show exactly which addresses the later TCP step will use.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { TextRef } from '../../../shared/errors.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface Resolver {
  lookup(host: string): Promise<ResolvedAddress[]>;
}

export const systemResolver: Resolver = {
  lookup: (host) => lookup(host, { all: true, verbatim: true }),
};

export interface DnsResult {
  host: string;
  addresses: ResolvedAddress[];
  /** True when the host was an IP literal (nothing to resolve). */
  literal: boolean;
}

export async function probeDns(host: string, resolver: Resolver = systemResolver): Promise<DnsResult> {
  const bare = host.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family) return { host: bare, addresses: [{ address: bare, family }], literal: true };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolver.lookup(bare);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
    throw new CalpumpError('net.dns', { params: { host: bare }, evidence: `${code} ${bare}`, cause: e });
  }
  if (addresses.length === 0) throw new CalpumpError('net.dns', { params: { host: bare }, evidence: `ENODATA ${bare}` });
  return { host: bare, addresses, literal: false };
}

/** What the DNS step found, in words; through a proxy the name the proxy resolves is the proxy's own. */
export function dnsFinding(r: DnsResult, viaProxy = false): TextRef {
  const addresses = r.addresses.map((a) => a.address).join(', ');
  return text('doctor.detail.dns', { host: r.host, addresses, literal: r.literal ? 'yes' : 'no', proxy: viaProxy ? 'yes' : 'no' });
}
