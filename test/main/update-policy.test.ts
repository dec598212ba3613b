// The administrator's update policy from HKLM\SOFTWARE\Policies\Calpump, as reg.exe prints it.
import { describe, expect, it } from 'vitest';
import { feedFromValue, parseRegQuery, policyFromValues, readUpdatePolicy, POLICY_KEY } from '../../src/main/update-policy.js';
import type { CommandRunner } from '../../src/core/platform/service-manager.js';

/** `reg query HKLM\SOFTWARE\Policies\Calpump /reg:64` on Windows: CRLF, a blank line, the key, 4-space columns. */
const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Calpump',
  '    UpdateFeed    REG_SZ    \\\\fileserver\\deploy\\Calpump updates',
  '    UpdateAllowDowngrade    REG_DWORD    0x1',
  '    Empty    REG_SZ    ',
  '',
].join('\r\n');

function runner(result: { code: number; stdout?: string; stderr?: string }) {
  const calls: Array<[string, string[]]> = [];
  const r: CommandRunner = {
    run: async (file, args) => {
      calls.push([file, args]);
      return { code: result.code, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
    },
  };
  return { r, calls };
}

describe('update policy', () => {
  it('reads the values of the policy key from reg.exe output', () => {
    const v = parseRegQuery(REG_OUTPUT);
    expect(v.get('UpdateFeed')).toEqual({ type: 'REG_SZ', data: '\\\\fileserver\\deploy\\Calpump updates' });
    expect(v.get('UpdateAllowDowngrade')).toEqual({ type: 'REG_DWORD', data: '0x1' });
    expect(v.get('Empty')).toEqual({ type: 'REG_SZ', data: '' });
    expect(policyFromValues(v)).toEqual({
      enabled: true,
      feed: { kind: 'folder', path: '\\\\fileserver\\deploy\\Calpump updates' },
      allowDowngrade: true,
    });
  });

  it('on Windows asks reg.exe for the 64-bit policy key; a missing key means off', async () => {
    const found = runner({ code: 0, stdout: REG_OUTPUT });
    expect((await readUpdatePolicy(found.r, 'win32')).enabled).toBe(true);
    expect(found.calls).toEqual([['reg.exe', ['query', POLICY_KEY, '/reg:64']]]);
    const missing = runner({ code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' });
    expect(await readUpdatePolicy(missing.r, 'win32')).toEqual({ enabled: false });
  });

  it('never looks anywhere on other platforms', async () => {
    const { r, calls } = runner({ code: 0, stdout: REG_OUTPUT });
    expect(await readUpdatePolicy(r, 'linux')).toEqual({ enabled: false });
    expect(calls).toEqual([]);
  });

  it('is off without a feed, and downgrades only with the DWORD 1', () => {
    expect(policyFromValues(new Map())).toEqual({ enabled: false });
    expect(policyFromValues(parseRegQuery('    UpdateFeed    REG_SZ    '))).toEqual({ enabled: false });
    expect(policyFromValues(parseRegQuery('    UpdateFeed    REG_EXPAND_SZ    https://x.example/'))).toEqual({ enabled: false });
    const noDowngrade = policyFromValues(
      parseRegQuery('    UpdateFeed    REG_SZ    https://intranet.contoso.com/calpump\r\n    UpdateAllowDowngrade    REG_DWORD    0x0'),
    );
    expect(noDowngrade).toEqual({
      enabled: true,
      feed: { kind: 'web', url: 'https://intranet.contoso.com/calpump/' },
      allowDowngrade: false,
    });
  });

  it.each([
    ['https://intranet.contoso.com/calpump', { kind: 'web', url: 'https://intranet.contoso.com/calpump/' }],
    ['https://intranet.contoso.com:8443/apps/calpump/', { kind: 'web', url: 'https://intranet.contoso.com:8443/apps/calpump/' }],
    ['\\\\fs01\\software\\calpump\\', { kind: 'folder', path: '\\\\fs01\\software\\calpump' }],
    ['file://fs01/software/calpump%20updates', { kind: 'folder', path: '\\\\fs01\\software\\calpump updates' }],
    ['D:\\Deploy\\Calpump', { kind: 'folder', path: 'D:\\Deploy\\Calpump' }],
    ['http://intranet.contoso.com/calpump', 'insecure'],
    ['https://user:secret@intranet.contoso.com/', 'unsupported'],
    ['ftp://fs01/calpump', 'unsupported'],
    ['file:///C:/Windows/Temp', 'unsupported'],
    ['javascript:alert(1)', 'unsupported'],
    ['calpump', 'unsupported'],
  ])('feed %s', (value, expected) => {
    expect(feedFromValue(value)).toEqual(expected);
  });

  it('a refused feed is off and says why, without a password from the URL', () => {
    expect(policyFromValues(parseRegQuery('    UpdateFeed    REG_SZ    https://svc:Secret1@intranet/calpump'))).toEqual({
      enabled: false,
      refused: 'unsupported',
      value: 'https://***@intranet/calpump',
    });
    expect(policyFromValues(parseRegQuery('    UpdateFeed    REG_SZ    http://intranet/calpump'))).toEqual({
      enabled: false,
      refused: 'insecure',
      value: 'http://intranet/calpump',
    });
  });
});
