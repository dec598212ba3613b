// Exchange on-premises, least privilege: a service account with ApplicationImpersonation limited by a
// management scope to one distribution group, or Reviewer on each member's calendar for delegate mode.
// Calendar folders are found by TYPE (FolderType 'Calendar'), never by their localised name.
import type { EwsProfile } from '../../../shared/profile.js';
import { psAssign } from './ps-quote.js';

const HEADER = ['#Requires -Version 5.1', "$ErrorActionPreference = 'Stop'"];

/** DN of the group as an OPATH literal: the filter string is built by concatenation, never interpolation. */
const GROUP_FILTER = [
  '$Group = Get-DistributionGroup -Identity $ScopeGroup',
  "$Filter = 'MemberOfGroup -eq ''' + ($Group.DistinguishedName -replace '''', '''''') + ''''",
];

export function impersonationScript(p: EwsProfile, scopeGroup: string): string {
  return [
    ...HEADER,
    '# Run in the Exchange Management Shell as a member of Organization Management.',
    psAssign('ServiceAccount', p.username),
    psAssign('ScopeGroup', scopeGroup),
    psAssign('ScopeName', 'Calpump impersonation scope'),
    psAssign('AssignmentName', 'Calpump impersonation'),
    '',
    '# 1. A management scope that contains only the members of the group.',
    ...GROUP_FILTER,
    'if (-not (Get-ManagementScope -Identity $ScopeName -ErrorAction SilentlyContinue)) {',
    '    New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $Filter | Out-Null',
    '}',
    '',
    '# 2. ApplicationImpersonation for the service account, limited to that scope.',
    'if (-not (Get-ManagementRoleAssignment -Identity $AssignmentName -ErrorAction SilentlyContinue)) {',
    '    New-ManagementRoleAssignment -Name $AssignmentName -Role ApplicationImpersonation -User $ServiceAccount -CustomRecipientWriteScope $ScopeName | Out-Null',
    '}',
    '',
    '# 3. Verify: the assignment exists and is scoped.',
    'Get-ManagementRoleAssignment -Role ApplicationImpersonation -RoleAssignee $ServiceAccount |',
    '    Format-List Name, Role, RoleAssigneeName, CustomRecipientWriteScope',
    'Get-ManagementScope -Identity $ScopeName | Format-List Name, RecipientFilter',
    "Write-Host 'The new right takes effect after about 10 minutes (or after recycling MSExchangeServicesAppPool).'",
    '',
    ...authCheck(p),
  ].join('\n');
}

export function delegateScript(
  p: EwsProfile,
  scopeGroup: string | undefined,
  testMailbox: string | undefined,
  rights: 'Reviewer' | 'Editor' = 'Reviewer',
): string {
  const members = scopeGroup
    ? [
        psAssign('ScopeGroup', scopeGroup),
        '$Mailboxes = Get-DistributionGroupMember -Identity $ScopeGroup -ResultSize Unlimited |',
        "    Where-Object RecipientTypeDetails -like '*Mailbox' | ForEach-Object { $_.PrimarySmtpAddress.ToString() }",
      ]
    : [psAssign('OnlyMailbox', testMailbox ?? 'user@contoso.com'), '$Mailboxes = @($OnlyMailbox)'];
  return [
    ...HEADER,
    `# Run in the Exchange Management Shell. Gives the service account ${rights} (${rights === 'Editor' ? 'read and write' : 'read'}) on each calendar.`,
    psAssign('ServiceAccount', p.username),
    ...members,
    '',
    'foreach ($Smtp in $Mailboxes) {',
    "    # The default calendar is found by its type: its name is localised ('Kalender', 'Agenda', …).",
    '    $Calendar = Get-MailboxFolderStatistics -Identity $Smtp -FolderScope Calendar |',
    "        Where-Object FolderType -eq 'Calendar' | Select-Object -First 1",
    "    $FolderIdentity = $Smtp + ':' + ($Calendar.FolderPath -replace '/', '\\')",
    '    $Existing = Get-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount -ErrorAction SilentlyContinue',
    '    if ($Existing) {',
    `        Set-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount -AccessRights ${rights} | Out-Null`,
    '    } else {',
    `        Add-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount -AccessRights ${rights} | Out-Null`,
    '    }',
    '    # Verify',
    '    Get-MailboxFolderPermission -Identity $FolderIdentity -User $ServiceAccount | Format-Table Identity, User, AccessRights',
    '}',
    '',
    ...authCheck(p),
  ].join('\n');
}

/** Basic/Windows authentication on the EWS virtual directory must include the profile's method. */
function authCheck(p: EwsProfile): string[] {
  const property = p.auth === 'basic' ? 'BasicAuthentication' : 'WindowsAuthentication';
  const label = p.auth === 'basic' ? 'Basic' : p.auth === 'kerberos' ? 'Kerberos (Windows, Negotiate)' : 'NTLM (Windows)';
  return [
    `# Authentication on the EWS virtual directory: the profile uses ${label}.`,
    'Get-WebServicesVirtualDirectory -ADPropertiesOnly |',
    '    Format-List Server, Name, InternalUrl, ExternalUrl, BasicAuthentication, WindowsAuthentication, OAuthAuthentication',
    `foreach ($VDir in Get-WebServicesVirtualDirectory -ADPropertiesOnly | Where-Object { -not $_.${property} }) {`,
    `    Write-Warning ('${property} is off on ' + $VDir.Identity + '. To enable: Set-WebServicesVirtualDirectory -Identity ''' + $VDir.Identity + ''' -${property} $true')`,
    '}',
    // NTLM over HTTPS is bound to the TLS certificate when Extended Protection is on (Exchange 2019 CU14+).
    '# Extended Protection (None / Allow / Require); see docs/auth-kerberos-ntlm.md when NTLM is refused.',
    'Get-WebServicesVirtualDirectory -ADPropertiesOnly | Format-List Server, Name, ExtendedProtectionTokenChecking',
    ...(p.auth === 'kerberos' && p.url ? spnCheck(p.kerberos?.spn ?? `HTTP/${new URL(p.url).hostname.toLowerCase()}`) : []),
  ];
}

/** Kerberos: the SPN of the EWS host must be registered on exactly one account (server or ASA). */
function spnCheck(spn: string): string[] {
  return [
    `# Kerberos: ${spn} must be registered on exactly one account (the server, or the ASA for a load-balanced name).`,
    `setspn -Q ${spn}`,
    'Get-ClientAccessService | Format-List Name, AlternateServiceAccountConfiguration',
  ];
}
