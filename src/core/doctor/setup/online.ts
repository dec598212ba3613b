// Microsoft 365: the app registration (Microsoft Graph PowerShell), restricting the app to the members of a
// mail-enabled security group (Exchange Online PowerShell), and the EWS allow-list for the legacy EWS option.
import type { EwsProfile, GraphProfile } from '../../../shared/profile.js';
import { psArray, psAssign } from './ps-quote.js';

const HEADER = ['#Requires -Version 5.1', "$ErrorActionPreference = 'Stop'"];
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** Read permissions of contacts and To Do tasks: application, then delegated. */
const CONTENT_PERMISSIONS = { contacts: ['Contacts.Read', 'Contacts.Read.Shared'], tasks: ['Tasks.Read.All', 'Tasks.Read'] } as const;

/**
 * App-only flows need application permissions; the others act for a signed-in user (delegated). Jobs that export
 * contacts or tasks add their read permission (To Do has no shared delegated one: a signed-in user reads their own).
 */
export function graphPermissions(
  p: GraphProfile,
  write = false,
  contents: Array<'contacts' | 'tasks'> = [],
): { kind: 'Role' | 'Scope'; values: string[] } {
  const app = p.flow === 'clientCredentials';
  const extra = [...new Set(contents)].sort().map((c) => CONTENT_PERMISSIONS[c][app ? 0 : 1]);
  return app
    ? { kind: 'Role', values: [write ? 'Calendars.ReadWrite' : 'Calendars.Read', 'User.Read.All', ...extra] }
    : { kind: 'Scope', values: [write ? 'Calendars.ReadWrite.Shared' : 'Calendars.Read.Shared', 'User.ReadBasic.All', ...extra] };
}

const GROUP_FILTER = [
  '$Group = Get-DistributionGroup -Identity $ScopeGroup',
  "$Filter = 'MemberOfGroup -eq ''' + ($Group.DistinguishedName -replace '''', '''''') + ''''",
];

export function appRegistrationScript(p: GraphProfile, write = false, contents: Array<'contacts' | 'tasks'> = []): string {
  const perms = graphPermissions(p, write, contents);
  const delegated = perms.kind === 'Scope';
  return [
    ...HEADER,
    '# Microsoft Graph PowerShell (Install-Module Microsoft.Graph -Scope CurrentUser), as a Privileged Role or Global Administrator.',
    psAssign('TenantId', p.tenantId),
    psAssign('ClientId', p.clientId),
    psAssign('RedirectUri', p.redirectUri),
    psAssign('GraphAppId', GRAPH_APP_ID),
    `$Permissions = ${psArray(perms.values)}`,
    "Connect-MgGraph -TenantId $TenantId -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All' -NoWelcome",
    '',
    '# 1. The app registration and its service principal.',
    "$App = Get-MgApplication -Filter ('appId eq ''' + $ClientId + '''')",
    "if (-not $App) { throw ('No app registration with client id ' + $ClientId + '. Register one (Entra ID > App registrations > New registration) and put its id into the profile.') }",
    "$Sp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ClientId + '''')",
    'if (-not $Sp) { $Sp = New-MgServicePrincipal -AppId $ClientId }',
    "$GraphSp = Get-MgServicePrincipal -Filter ('appId eq ''' + $GraphAppId + '''')",
    '',
    ...(delegated
      ? [
          '# 2. Redirect URI for the sign-in in the browser (loopback, public client).',
          '$App = Get-MgApplication -ApplicationId $App.Id',
          'Update-MgApplication -ApplicationId $App.Id -PublicClient @{ RedirectUris = @($RedirectUri) } -IsFallbackPublicClient:$true',
          '',
          '# 3. Delegated permissions and admin consent for all users.',
          "$Access = foreach ($Name in $Permissions) { @{ Id = ($GraphSp.Oauth2PermissionScopes | Where-Object Value -eq $Name).Id; Type = 'Scope' } }",
          'Update-MgApplication -ApplicationId $App.Id -RequiredResourceAccess @(@{ ResourceAppId = $GraphAppId; ResourceAccess = @($Access) })',
          "New-MgOauth2PermissionGrant -ClientId $Sp.Id -ResourceId $GraphSp.Id -ConsentType 'AllPrincipals' -Scope ($Permissions -join ' ') | Out-Null",
          '',
          '# 4. Verify',
          "Get-MgOauth2PermissionGrant -Filter ('clientId eq ''' + $Sp.Id + '''') | Format-List ConsentType, Scope",
        ]
      : [
          '# 2. Application permissions (the profile signs in as the app itself: client credentials).',
          '$Roles = foreach ($Name in $Permissions) { $GraphSp.AppRoles | Where-Object Value -eq $Name }',
          "$Access = foreach ($Role in $Roles) { @{ Id = $Role.Id; Type = 'Role' } }",
          'Update-MgApplication -ApplicationId $App.Id -RequiredResourceAccess @(@{ ResourceAppId = $GraphAppId; ResourceAccess = @($Access) })',
          '',
          '# 3. Admin consent: assign each application permission to the service principal.',
          '$Granted = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id',
          'foreach ($Role in $Roles) {',
          '    if (-not ($Granted | Where-Object AppRoleId -eq $Role.Id)) {',
          '        New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id -PrincipalId $Sp.Id -ResourceId $GraphSp.Id -AppRoleId $Role.Id | Out-Null',
          '    }',
          '}',
          '',
          '# 4. Verify',
          'Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id | Format-Table ResourceDisplayName, AppRoleId',
        ]),
    "Write-Host 'Consent reaches new tokens after a few minutes; then run: calpump doctor --profile <name>'",
  ].join('\n');
}

/** The variables both Exchange Online scoping scripts start from. */
function scopeVariables(clientId: string, scopeGroup: string, testMailbox: string | undefined): string[] {
  return [psAssign('ClientId', clientId), psAssign('ScopeGroup', scopeGroup), psAssign('TestMailbox', testMailbox ?? 'user@contoso.com')];
}

/** Exchange Online: limit the app to the group's members with an application access policy. */
export function accessPolicyScript(clientId: string, scopeGroup: string, testMailbox: string | undefined): string {
  return [
    ...HEADER,
    '# Exchange Online PowerShell (Connect-ExchangeOnline). The group must be a mail-enabled security group.',
    ...scopeVariables(clientId, scopeGroup, testMailbox),
    "New-ApplicationAccessPolicy -AppId $ClientId -PolicyScopeGroupId $ScopeGroup -AccessRight RestrictAccess -Description 'Calpump: calendars of the scope group only'",
    '',
    '# Verify: Granted for a member, Denied for anyone else.',
    'Test-ApplicationAccessPolicy -Identity $TestMailbox -AppId $ClientId | Format-List AppId, Mailbox, AccessCheckResult',
    "Write-Host 'Policy changes take up to 30 minutes to apply.'",
  ].join('\n');
}

/** Exchange Online: RBAC for Applications, the successor of application access policies. */
export function rbacForAppsScript(clientId: string, scopeGroup: string, testMailbox: string | undefined, role: string): string {
  return [
    ...HEADER,
    '# Exchange Online PowerShell (Connect-ExchangeOnline) and Microsoft Graph PowerShell for the object id.',
    ...scopeVariables(clientId, scopeGroup, testMailbox),
    psAssign('ScopeName', 'Calpump mailboxes scope'),
    psAssign('RoleName', role),
    "$Sp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ClientId + '''')",
    "if (-not (Get-ServicePrincipal -Identity $ClientId -ErrorAction SilentlyContinue)) { New-ServicePrincipal -AppId $ClientId -ObjectId $Sp.Id -DisplayName 'Calpump' | Out-Null }",
    ...GROUP_FILTER,
    'if (-not (Get-ManagementScope -Identity $ScopeName -ErrorAction SilentlyContinue)) { New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $Filter | Out-Null }',
    'New-ManagementRoleAssignment -App $ClientId -Role $RoleName -CustomResourceScope $ScopeName | Out-Null',
    '',
    '# Verify: InScope True for a member of the group.',
    'Test-ServicePrincipalAuthorization -Identity $ClientId -Resource $TestMailbox | Format-Table RoleName, InScope',
    "Write-Host 'RBAC for Applications caches permissions: allow 30 minutes to 2 hours.'",
  ].join('\n');
}

/** Legacy EWS on Microsoft 365: full_access_as_app for Exchange Online and the organisation's EWS allow-list. */
export function ewsOnlineScript(p: EwsProfile): string {
  const legacy = p.legacyOnline!;
  return [
    ...HEADER,
    '# EWS in Exchange Online is retired on 2027-04-01: move this profile to Microsoft Graph before then.',
    psAssign('TenantId', legacy.tenantId),
    psAssign('ClientId', legacy.clientId),
    psAssign('ExchangeAppId', EXCHANGE_APP_ID),
    psAssign('AllowedAgent', 'Calpump/*'),
    '',
    '# 1. Application permission full_access_as_app on Office 365 Exchange Online (Microsoft Graph PowerShell).',
    "Connect-MgGraph -TenantId $TenantId -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All' -NoWelcome",
    "$Sp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ClientId + '''')",
    'if (-not $Sp) { $Sp = New-MgServicePrincipal -AppId $ClientId }',
    "$ExoSp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ExchangeAppId + '''')",
    "$Role = $ExoSp.AppRoles | Where-Object Value -eq 'full_access_as_app'",
    'if (-not (Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id | Where-Object AppRoleId -eq $Role.Id)) {',
    '    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id -PrincipalId $Sp.Id -ResourceId $ExoSp.Id -AppRoleId $Role.Id | Out-Null',
    '}',
    '',
    '# 2. The EWS allow-list (Exchange Online PowerShell). Under EnforceAllowList every EWS client NOT on the list',
    '#    is blocked, so look at the current setting first and add to an existing list rather than replace it.',
    'Connect-ExchangeOnline',
    '$Org = Get-OrganizationConfig',
    '$Org | Format-List EwsEnabled, EwsApplicationAccessPolicy, EwsAllowList',
    "if ($Org.EwsApplicationAccessPolicy -eq 'EnforceAllowList') {",
    '    Set-OrganizationConfig -EwsAllowList @{ Add = $AllowedAgent }',
    '} else {',
    "    Write-Warning 'EWS has no allow-list yet. Setting EnforceAllowList blocks every EWS client not listed: add the ones you use to the list first.'",
    "    Write-Warning ('When ready: Set-OrganizationConfig -EwsApplicationAccessPolicy EnforceAllowList -EwsAllowList @{ Add = ''' + $AllowedAgent + ''' }')",
    '}',
    '',
    '# 3. Verify',
    'Get-OrganizationConfig | Format-List EwsApplicationAccessPolicy, EwsAllowList',
    'Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id | Format-Table ResourceDisplayName, AppRoleId',
  ].join('\n');
}
