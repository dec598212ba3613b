// The UI-facing import service over an in-memory writer: plan shows what run then does; a second plan is empty.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportService } from '../../../src/core/import/rpc-service.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { MemoryWriter } from '../../support/memory-writer.js';
import { tempDir } from './import-sim.js';
import type { Profile } from '../../../src/shared/profile.js';

describe('import service', () => {
  it('plan, run, plan again', async () => {
    const dir = await tempDir();
    const csv = join(dir, 'a.csv');
    await writeFile(csv, 'id,mailbox,start\n1,a@x.com,2026-04-01\n2,b@x.com,2026-04-02\n');
    const writer = new MemoryWriter();
    const profiles: string[] = [];
    const service = createImportService({
      profileFor: async (id) => {
        profiles.push(id);
        return { id, name: id, kind: 'ews' } as Profile;
      },
      writerFor: async () => writer,
      secrets: new MemorySecretStore(),
      logger: nullLogger,
      stateDir: join(dir, 'state'),
    });
    const input = { profileId: 'p1', job: { id: 'ui', source: { path: csv }, defaultSubject: 'Away' } };
    expect((await service.plan(input)).totals).toMatchObject({ creates: 2 });
    expect(writer.items.size).toBe(0);
    const progress: string[] = [];
    expect((await service.run(input, undefined, (p) => progress.push(`${p.mailbox} ${p.action} ${p.items}`))).totals).toMatchObject({
      creates: 2,
    });
    expect(progress).toEqual(['a@x.com create 1', 'b@x.com create 1']);
    expect((await service.plan(input)).totals).toMatchObject({ creates: 0, unchanged: 2 });
    expect(profiles).toEqual(['p1', 'p1', 'p1']);
    await expect(service.plan({ profileId: 'p1', job: { id: 'bad id', source: { path: csv } } })).rejects.toThrow();
  });
});
