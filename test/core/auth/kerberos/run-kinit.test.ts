// runKinit with a kinit that refuses at once without reading its input: the password write then meets a closed
// pipe (EPIPE). That must come back as kinit's own message, never as an uncaught error that ends the process.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKinit } from '../../../../src/core/auth/kerberos/gssapi-source.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-kinit-'));
  const script = join(dir, 'kinit');
  await writeFile(
    script,
    '#!/bin/sh\necho "kinit: Client \'ghost@CONTOSO.COM\' not found in Kerberos database while getting initial credentials" >&2\nexit 1\n',
  );
  await chmod(script, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runKinit', () => {
  it("reports kinit's refusal when kinit exits before reading the password (no EPIPE escapes)", async () => {
    // More than a pipe holds, so part of the write is still pending when kinit has gone.
    const password = 'p'.repeat(1 << 20);
    await expect(runKinit(['ghost@CONTOSO.COM'], password, { PATH: dir })).rejects.toThrow(
      "Client 'ghost@CONTOSO.COM' not found in Kerberos database",
    );
  });
});
