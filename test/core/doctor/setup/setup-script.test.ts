import { describe, expect, it } from 'vitest';
import { buildSetupPlan, psLiteral, renderSetupPlan, setupPlanForReader } from '../../../../src/core/doctor/setup/index.js';
import { ewsProfileSchema, graphProfileSchema } from '../../../../src/shared/profile.js';
import { codeOnly, tokenize } from './ps-tokenizer.js';

const ews = (over: Record<string, unknown> = {}) =>
  ewsProfileSchema.parse({
    id: 'p1',
    name: 'onprem',
    kind: 'ews',
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    username: 'CONTOSO\\svc-calpump',
    auth: 'ntlm',
    ...over,
  });
const graph = (over: Record<string, unknown> = {}) =>
  graphProfileSchema.parse({
    id: 'p2',
    name: 'm365',
    kind: 'graph',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    flow: 'clientCredentials',
    ...over,
  });

// Values that would break out of a naive quote: quote + command, typographic quote, subexpression, line break.
const HOSTILE = [
  "Sales'; Remove-Item C:\\ -Recurse; '",
  'Bob\u2019s group\u2018; Remove-Item C:\\ -Recurse; \u2018',
  '$(Remove-Item C:\\ -Recurse)',
  'line\nRemove-Item C:\\ -Recurse',
  '`"; Remove-Item C:\\ -Recurse; "',
];

function literals(script: string): string[] {
  return tokenize(script).flatMap((t) => (t.kind === 'single' ? [t.value] : []));
}

/** Parses, finds the value as one literal, and finds no trace of the payload among commands or comments. */
function expectSafe(script: string, value: string): void {
  const tokens = tokenize(script);
  expect(
    tokens.filter((t) => t.kind === 'double'),
    'no double-quoted strings (they expand $ and `)',
  ).toEqual([]);
  expect(literals(script)).toContain(value);
  expect(codeOnly(tokens)).not.toMatch(/Remove-Item/);
  for (const t of tokens) if (t.kind === 'comment') expect(t.text).not.toContain('Remove-Item');
}

describe('psLiteral', () => {
  it('doubles straight and typographic single quotes', () => {
    expect(psLiteral("O'Brien")).toBe("'O''Brien'");
    expect(psLiteral('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(psLiteral('$x `n')).toBe("'$x `n'");
  });
  it.each(HOSTILE)('round-trips %j through the tokenizer', (v) => {
    expect(literals(`$v = ${psLiteral(v)}`)).toEqual([v]);
  });
});

describe('on-premises impersonation script', () => {
  const plan = buildSetupPlan(ews(), { scopeGroup: 'Calpump readers' });
  const script = plan.scripts[0].script;

  it('grants ApplicationImpersonation through a management scope limited to the group', () => {
    expect(plan.scripts.map((s) => s.id)).toEqual(['impersonation']);
    expect(literals(script)).toEqual(expect.arrayContaining(['CONTOSO\\svc-calpump', 'Calpump readers']));
    expect(script).toContain('New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $Filter');
    expect(script).toContain("'MemberOfGroup -eq '''");
    expect(script).toContain('-Role ApplicationImpersonation -User $ServiceAccount -CustomRecipientWriteScope $ScopeName');
  });

  it('verifies the assignment and checks Windows authentication on the EWS virtual directory', () => {
    expect(script).toContain('Get-ManagementRoleAssignment -Role ApplicationImpersonation -RoleAssignee $ServiceAccount');
    expect(script).toContain('Get-WebServicesVirtualDirectory');
    expect(script).toContain('WindowsAuthentication');
    expect(setupPlanForReader(plan, 'en').scripts[0].notes.join(' ')).toMatch(/10 minutes/);
  });

  it('checks Basic authentication for a Basic profile', () => {
    const s = buildSetupPlan(ews({ auth: 'basic' })).scripts[0].script;
    expect(s).toContain('Where-Object { -not $_.BasicAuthentication }');
  });

  it.each(HOSTILE)('keeps a hostile scope group %j inside one literal', (g) => {
    expectSafe(buildSetupPlan(ews(), { scopeGroup: g }).scripts[0].script, g);
  });

  it('keeps a hostile service account inside one literal', () => {
    const user = "CONTOSO\\o'brien$(Remove-Item)"; // passes the profile's account pattern
    expectSafe(buildSetupPlan(ews({ username: user })).scripts[0].script, user);
  });
});

describe('on-premises delegate script', () => {
  it('finds the calendar by folder type and grants Reviewer, then verifies', () => {
    const plan = buildSetupPlan(ews({ access: 'delegate', testMailbox: 'anna.schmidt@contoso.com' }));
    const s = plan.scripts[0].script;
    expect(plan.scripts[0].id).toBe('delegate');
    expect(s).toContain('Get-MailboxFolderStatistics -Identity $Smtp -FolderScope Calendar');
    expect(s).toContain("Where-Object FolderType -eq 'Calendar'");
    expect(s).toContain('Add-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount -AccessRights Reviewer');
    expect(s).toContain('Get-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount');
    expect(s).not.toMatch(/:\\\\?(Calendar|Kalender|Agenda)'/);
    expect(literals(s)).toContain('anna.schmidt@contoso.com');
  });
  it('walks the members of a scope group when one is given', () => {
    const s = buildSetupPlan(ews({ access: 'delegate' }), { scopeGroup: 'Team Kalender' }).scripts[0].script;
    expect(s).toContain('Get-DistributionGroupMember -Identity $ScopeGroup');
    expect(literals(s)).toContain('Team Kalender');
  });
  it.each(HOSTILE)('keeps a hostile test mailbox %j inside one literal', (m) => {
    expectSafe(buildSetupPlan(ews({ access: 'delegate', testMailbox: m })).scripts[0].script, m);
  });
});

describe('Microsoft 365 scripts', () => {
  it('registers application permissions with admin consent and restricts the app to a group', () => {
    const plan = buildSetupPlan(graph({ testMailbox: 'alice.smith@contoso.com' }), { scopeGroup: 'Calpump M365' });
    expect(plan.scripts.map((s) => s.id)).toEqual(['app-registration', 'access-policy', 'rbac-for-apps']);
    const [app, policy, rbac] = plan.scripts.map((s) => s.script);
    expect(literals(app)).toEqual(
      expect.arrayContaining(['contoso.onmicrosoft.com', '11111111-2222-3333-4444-555555555555', 'Calendars.Read', 'User.Read.All']),
    );
    expect(app).toContain('New-MgServicePrincipalAppRoleAssignment');
    expect(app).toContain('Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id');
    expect(policy).toContain('New-ApplicationAccessPolicy -AppId $ClientId -PolicyScopeGroupId $ScopeGroup -AccessRight RestrictAccess');
    expect(policy).toContain('Test-ApplicationAccessPolicy -Identity $TestMailbox -AppId $ClientId');
    expect(literals(policy)).toEqual(expect.arrayContaining(['Calpump M365', 'alice.smith@contoso.com']));
    expect(rbac).toContain('New-ServicePrincipal -AppId $ClientId');
    expect(rbac).toContain('New-ManagementRoleAssignment -App $ClientId -Role $RoleName -CustomResourceScope $ScopeName');
    expect(literals(rbac)).toContain('Application Calendars.Read');
    for (const s of [app, policy, rbac]) tokenize(s);
  });

  it('sets the redirect URI and delegated permissions for interactive sign-in', () => {
    const plan = buildSetupPlan(graph({ flow: 'interactive', redirectUri: 'http://localhost:8400/' }));
    expect(plan.scripts.map((s) => s.id)).toEqual(['app-registration']);
    const s = plan.scripts[0].script;
    expect(literals(s)).toContain('http://localhost:8400/');
    expect(s).toContain('-PublicClient @{ RedirectUris = @($RedirectUri) }');
    expect(s).toContain("-ConsentType 'AllPrincipals'");
    expect(plan.warnings).toHaveLength(1);
  });

  it.each(HOSTILE)('keeps a hostile scope group %j inside one literal in both restriction scripts', (g) => {
    const plan = buildSetupPlan(graph(), { scopeGroup: g });
    expectSafe(plan.scripts[1].script, g);
    expectSafe(plan.scripts[2].script, g);
  });

  it('adds the EWS allow-list and the retirement warning for legacy EWS on Microsoft 365', () => {
    const plan = buildSetupPlan(
      ews({
        url: 'https://outlook.office365.com/EWS/Exchange.asmx',
        username: 'svc@contoso.com',
        legacyOnline: { tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' },
      }),
    );
    expect(setupPlanForReader(plan, 'en').warnings.join(' ')).toMatch(/2027-04-01/);
    const s = plan.scripts[0].script;
    expect(s).toContain('-EwsApplicationAccessPolicy EnforceAllowList');
    expect(s).toContain('Set-OrganizationConfig -EwsAllowList @{ Add = $AllowedAgent }');
    expect(s).toContain("Where-Object Value -eq 'full_access_as_app'");
    expect(s).toMatch(/2027-04-01/);
    expect(literals(plan.scripts[1].script)).toContain('Application EWS.AccessAsApp');
  });

  it('renders every script with headers, notes and warnings as comments', () => {
    const text = renderSetupPlan(buildSetupPlan(graph({ flow: 'deviceCode' })), 'de');
    expect(text).toMatch(/^# WARNING: Dieses Profil/);
    expect(text).toContain('# ===== 1/1: App-Registrierung');
    tokenize(text);
  });
});

describe('setup script: write-side grants (--write), least privilege first', () => {
  it('on-premises: Editor on the group calendars first, then scoped impersonation; each script parses safely', () => {
    const plan = buildSetupPlan(ews(), { write: true, scopeGroup: HOSTILE[0] });
    expect(plan.scripts.map((s) => s.id)).toEqual(['write-editor', 'write-impersonation']);
    const [editor, impersonation] = plan.scripts;
    expect(editor.script).toContain('-AccessRights Editor');
    expect(editor.script).not.toContain('-AccessRights Reviewer');
    expect(editor.script).toContain("FolderType -eq 'Calendar'");
    expect(impersonation.script).toContain('-Role ApplicationImpersonation');
    expect(impersonation.script).toContain('-CustomRecipientWriteScope $ScopeName');
    for (const s of plan.scripts) expectSafe(s.script, HOSTILE[0]);
    expect(setupPlanForReader(plan, 'en').scripts[0].notes.join(' ')).toContain('profiles test <profile> --write');
  });

  it('Microsoft 365 app: Calendars.ReadWrite through RBAC for Applications first, the tenant-wide permission second', () => {
    const plan = buildSetupPlan(graph(), { write: true });
    expect(plan.scripts.map((s) => s.id)).toEqual(['write-rbac', 'write-tenant']);
    expect(plan.scripts[0].script).toContain("'Application Calendars.ReadWrite'");
    expect(literals(plan.scripts[1].script)).toContain('Calendars.ReadWrite');
    expect(literals(plan.scripts[1].script)).not.toContain('Calendars.Read');
    expect(setupPlanForReader(plan, 'nl').scripts[0].title).toMatch(/^Schrijven, minste rechten/);
    const delegated = buildSetupPlan(graph({ flow: 'deviceCode' }), { write: true });
    expect(literals(delegated.scripts[0].script)).toContain('Calendars.ReadWrite.Shared');
    tokenize(renderSetupPlan(plan, 'nl'));
  });
});
