// `profiles add/edit --max-response-mb / --idle-timeout / --request-timeout`: the profile's `limits`
// (docs/limits-and-timeouts.md) set, changed and removed from the CLI; values out of range refused by flag.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempConfigDir } from './helpers.js';

async function limitsOf(dir: string, name: string): Promise<unknown> {
  const doc = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { profiles?: unknown[] } | unknown[];
  const list = (Array.isArray(doc) ? doc : doc.profiles!) as Array<{ name: string; limits?: unknown }>;
  return list.find((p) => p.name === name)!.limits;
}

describe('profiles: answer size and timeout limits', () => {
  it('sets, changes and removes limits; out-of-range values are refused naming the flag', async () => {
    const dir = await tempConfigDir();
    const base = ['--config-dir', dir, 'profiles'];
    const add = await runCli(
      [
        ...base,
        'add',
        ...['--kind', 'ews', '--name', 'big', '--url', 'https://mail.contoso.com/EWS/Exchange.asmx', '--username', 'svc@contoso.com'],
        ...['--password-stdin', '--max-response-mb', '256', '--idle-timeout', '120'],
      ],
      { input: 'pw-limits-1\n' },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(await limitsOf(dir, 'big')).toEqual({ maxResponseMB: 256, idleTimeoutSeconds: 120 });

    const edit = await runCli([...base, 'edit', 'big', '--request-timeout', '300', '--idle-timeout', '']);
    expect(edit.code, edit.stderr).toBe(0);
    expect(await limitsOf(dir, 'big')).toEqual({ maxResponseMB: 256, timeoutSeconds: 300 });

    for (const [flag, value] of [
      ['--max-response-mb', '0'],
      ['--max-response-mb', '1024'],
      ['--idle-timeout', '1.5'],
      ['--request-timeout', 'soon'],
    ] as const) {
      const bad = await runCli([...base, 'edit', 'big', flag, value]);
      expect(bad.code, `${flag} ${value}`).toBe(2);
      expect(bad.stderr).toContain('[input.invalid]');
      expect(bad.stderr).toContain(flag);
    }
    expect(await limitsOf(dir, 'big')).toEqual({ maxResponseMB: 256, timeoutSeconds: 300 });

    const clear = await runCli([...base, 'edit', 'big', '--max-response-mb', '', '--request-timeout', '']);
    expect(clear.code, clear.stderr).toBe(0);
    expect(await limitsOf(dir, 'big')).toBeUndefined();
  });
});
