import { describe, expect, it } from 'vitest';
import { codeOnly, tokenize } from '../../core/doctor/setup/ps-tokenizer.js';
import { addDemoProfile, cliJson, runCli, tempConfigDir } from './helpers.js';

describe('calpump setup-script', () => {
  it('prints the impersonation script for the profile with the scope group, parseable and safely quoted', async () => {
    const dir = await tempConfigDir();
    expect((await addDemoProfile(dir)).code).toBe(0);
    const group = "Finance' ; Remove-Item C:\\ -Recurse ; '$(x)";
    const r = await runCli(['--config-dir', dir, 'setup-script', '--profile', 'demo', '--scope-group', group]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("$ServiceAccount = 'svc-calpump@contoso.com'");
    expect(r.stdout).toContain('New-ManagementRoleAssignment -Name $AssignmentName -Role ApplicationImpersonation');
    expect(r.stdout).toContain('Where-Object { -not $_.BasicAuthentication }');
    const tokens = tokenize(r.stdout);
    expect(tokens.some((t) => t.kind === 'single' && t.value === group)).toBe(true);
    expect(codeOnly(tokens)).not.toContain('Remove-Item');
  });

  it('--json returns the scripts with titles and notes', async () => {
    const dir = await tempConfigDir();
    await addDemoProfile(dir, undefined, ['--access', 'delegate', '--test-mailbox', 'anna.schmidt@contoso.com']);
    const r = await runCli(['--config-dir', dir, 'setup-script', '--profile', 'demo', '--json']);
    expect(r.code).toBe(0);
    const plan = cliJson<{ scripts: Array<{ script: string }> }>(r);
    expect(plan).toMatchObject({ profile: 'demo', kind: 'ews', warnings: [] });
    expect(plan.scripts[0]).toMatchObject({ id: 'delegate', shell: 'Exchange Management Shell' });
    expect(plan.scripts[0].script).toContain("Where-Object FolderType -eq 'Calendar'");
  });

  it('a missing --profile is a usage error (exit 2)', async () => {
    const r = await runCli(['setup-script']);
    expect(r.code).toBe(2);
  });
});
