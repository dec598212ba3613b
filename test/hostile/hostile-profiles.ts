// EWS profiles for the hostile suites, added through the CLI in-process (fast; the measured commands then run as
// real processes): Basic over TLS as the simulator's service account, trusting the given CA file.
import { expect } from 'vitest';
import { DEMO_ACCOUNT, DEMO_MAILBOXES } from '../../src/headless/cli/demo-commands.js';
import { runCli } from '../headless/cli/helpers.js';

export const ANNA = DEMO_MAILBOXES[0];

/** A silent server fails after this many seconds of silence (the profile's --idle-timeout), not the default 60. */
export const SILENCE_IDLE_SECONDS = 3;

export async function addHostileProfile(dir: string, name: string, url: string, caFile: string): Promise<void> {
  const add = await runCli(
    [
      ...['--config-dir', dir, 'profiles', 'add', '--kind', 'ews', '--name', name, '--url', url, '--auth', 'basic'],
      ...['--username', DEMO_ACCOUNT.username, '--password-stdin', '--test-mailbox', ANNA, '--ca-file', caFile, '--proxy', 'none'],
      ...(name === 'silence' ? ['--idle-timeout', String(SILENCE_IDLE_SECONDS)] : []),
    ],
    { input: `${DEMO_ACCOUNT.password}\n` },
  );
  expect(add.code, add.stderr).toBe(0);
}
