// A typed fake of Windows DPAPI (src/core/platform/dpapi.ts) for Linux CI: a blob opens only for the same
// account (currentUser) or machine (localMachine) and the same entropy, with the errors Windows gives
// otherwise. It is not encryption — it stands in for the Windows call so the code around it can be tested.
import { createHash } from 'node:crypto';
import type { Dpapi, DpapiScope } from '../../src/core/platform/dpapi.js';

export interface FakeDpapi extends Dpapi {
  calls: Array<{ op: 'protect' | 'unprotect'; scope: DpapiScope }>;
}

const MAGIC = 'fake-dpapi-v1';

function mask(data: Buffer, owner: string, entropy: Buffer): Buffer {
  const pad = createHash('sha256').update(owner).update(entropy).digest();
  return Buffer.from(data.map((b, i) => b ^ pad[i % pad.length]));
}

export function fakeDpapi(account = 'CONTOSO\\admin', machine = 'CALPUMP-HOST'): FakeDpapi {
  const calls: FakeDpapi['calls'] = [];
  const ownerOf = (scope: DpapiScope) => (scope === 'currentUser' ? `user:${account}` : `machine:${machine}`);
  return {
    calls,
    async protect(data, scope, entropy) {
      calls.push({ op: 'protect', scope });
      const owner = ownerOf(scope);
      const head = JSON.stringify({ magic: MAGIC, owner, entropy: createHash('sha256').update(entropy).digest('hex') });
      return Buffer.concat([Buffer.from(`${head}\n`), mask(data, owner, entropy)]);
    },
    async unprotect(blob, scope, entropy) {
      calls.push({ op: 'unprotect', scope });
      const nl = blob.indexOf(10);
      let head: { magic?: string; owner?: string; entropy?: string } = {};
      try {
        head = JSON.parse(blob.subarray(0, nl).toString()) as typeof head;
      } catch {
        // falls through to "invalid data"
      }
      if (head.magic !== MAGIC) throw new Error('The data is invalid. (0x8007000D)');
      if (head.owner !== ownerOf(scope)) throw new Error('Key not valid for use in specified state. (0x8009000B)');
      if (head.entropy !== createHash('sha256').update(entropy).digest('hex')) throw new Error('The parameter is incorrect. (0x80070057)');
      return mask(blob.subarray(nl + 1), head.owner, entropy);
    },
  };
}
