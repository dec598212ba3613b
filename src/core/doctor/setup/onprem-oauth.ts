// Setup scripts for OAuth to on-premises EWS (auth 'oauth'): hybrid modern auth through Entra ID, or AD FS
// (Exchange 2019 CU13+ / Exchange SE). Each step is followed by a check an administrator can read, so a step
// that did not take shows up before Calpump is tried. Every value enters as a single-quoted literal (psAssign).
import type { EwsProfile } from '../../../shared/profile.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { psAssign } from './ps-quote.js';
import type { SetupScript } from './types.js';

const HEADER = ['#Requires -Version 5.1', "$ErrorActionPreference = 'Stop'"];
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** The on-premises origin with the trailing slash Entra ID lists service principal names with. */
function onPremUrl(resource: string): string {
  return `${resource}/`;
}

function entraScript(p: EwsProfile, resource: string): string {
  const o = p.oauth!;
  const appOnly = o.flow === 'clientCredentials';
  const permission = appOnly
    ? [
        '# 2. The app may use Exchange as itself: application permission full_access_as_app (admin consent).',
        "$Role = $ExoSp.AppRoles | Where-Object Value -eq 'full_access_as_app'",
        'if (-not (Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id | Where-Object AppRoleId -eq $Role.Id)) {',
        '    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id -PrincipalId $Sp.Id -ResourceId $ExoSp.Id -AppRoleId $Role.Id | Out-Null',
        '}',
        '# Verify: the assignment is listed.',
        'Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $Sp.Id | Where-Object AppRoleId -eq $Role.Id |',
        '    Format-Table ResourceDisplayName, AppRoleId',
      ]
    : [
        '# 2. The app may act as the signed-in user in Exchange: delegated EWS.AccessAsUser.All with admin consent.',
        "$Grant = Get-MgOauth2PermissionGrant -Filter ('clientId eq ''' + $Sp.Id + ''' and resourceId eq ''' + $ExoSp.Id + '''')",
        'if (-not $Grant) {',
        "    New-MgOauth2PermissionGrant -ClientId $Sp.Id -ConsentType AllPrincipals -ResourceId $ExoSp.Id -Scope 'EWS.AccessAsUser.All' | Out-Null",
        "} elseif ($Grant.Scope -notmatch 'EWS\\.AccessAsUser\\.All') {",
        "    Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $Grant.Id -Scope ($Grant.Scope + ' EWS.AccessAsUser.All')",
        '}',
        '# Verify: the grant carries EWS.AccessAsUser.All.',
        "Get-MgOauth2PermissionGrant -Filter ('clientId eq ''' + $Sp.Id + '''') | Format-Table ConsentType, Scope",
      ];
  return [
    ...HEADER,
    '# Run in Microsoft Graph PowerShell as an Application Administrator (or Global Administrator).',
    psAssign('TenantId', o.tenantId),
    psAssign('ClientId', o.clientId),
    psAssign('ExchangeAppId', EXCHANGE_APP_ID),
    psAssign('OnPremUrl', onPremUrl(resource)),
    "Connect-MgGraph -TenantId $TenantId -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All' -NoWelcome",
    "$Sp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ClientId + '''')",
    'if (-not $Sp) { $Sp = New-MgServicePrincipal -AppId $ClientId }',
    "$ExoSp = Get-MgServicePrincipal -Filter ('appId eq ''' + $ExchangeAppId + '''')",
    '',
    '# 1. The on-premises URL as a service principal name of Office 365 Exchange Online (tokens are issued for it).',
    'if ($ExoSp.ServicePrincipalNames -notcontains $OnPremUrl) {',
    '    Update-MgServicePrincipal -ServicePrincipalId $ExoSp.Id -ServicePrincipalNames ($ExoSp.ServicePrincipalNames + $OnPremUrl)',
    '}',
    '# Verify: the URL is listed (Calpump reports AADSTS500011 while it is not).',
    'if ((Get-MgServicePrincipal -ServicePrincipalId $ExoSp.Id).ServicePrincipalNames -notcontains $OnPremUrl) {',
    "    Write-Error ('Not registered yet: ' + $OnPremUrl)",
    '} else {',
    "    Write-Host ('Registered: ' + $OnPremUrl)",
    '}',
    '',
    ...permission,
  ].join('\n');
}

function adfsScript(p: EwsProfile, resource: string): string {
  const o = p.oauth!;
  const appOnly = o.flow === 'clientCredentials';
  return [
    ...HEADER,
    '# Run on an AD FS server (AD FS 2019 or later) as an AD FS administrator.',
    psAssign('ClientId', o.clientId),
    psAssign('OnPremUrl', onPremUrl(resource)),
    psAssign('GroupName', 'Calpump'),
    psAssign('RedirectUri', o.redirectUri),
    '',
    '# 1. An application group with Calpump as client and Exchange (the on-premises URL) as Web API.',
    'if (-not (Get-AdfsApplicationGroup -Name $GroupName -ErrorAction SilentlyContinue)) {',
    '    New-AdfsApplicationGroup -Name $GroupName | Out-Null',
    '}',
    appOnly
      ? "if (-not (Get-AdfsServerApplication -Identifier $ClientId -ErrorAction SilentlyContinue)) { Add-AdfsServerApplication -ApplicationGroupIdentifier $GroupName -Name 'Calpump service' -Identifier $ClientId -GenerateClientSecret }"
      : "if (-not (Get-AdfsNativeClientApplication -Identifier $ClientId -ErrorAction SilentlyContinue)) { Add-AdfsNativeClientApplication -ApplicationGroupIdentifier $GroupName -Name 'Calpump' -Identifier $ClientId -RedirectUri $RedirectUri }",
    'if (-not (Get-AdfsWebApiApplication -Identifier $OnPremUrl -ErrorAction SilentlyContinue)) {',
    "    Add-AdfsWebApiApplication -ApplicationGroupIdentifier $GroupName -Name 'Exchange EWS' -Identifier $OnPremUrl -AccessControlPolicyName 'Permit everyone'",
    '}',
    "Grant-AdfsApplicationPermission -ClientRoleIdentifier $ClientId -ServerRoleIdentifier $OnPremUrl -ScopeNames 'allatclaims', 'openid'",
    '# Verify: the permission is listed.',
    'Get-AdfsApplicationPermission | Where-Object { $_.ClientRoleIdentifier -eq $ClientId } | Format-Table ClientRoleIdentifier, ServerRoleIdentifier, ScopeNames',
    ...(appOnly ? ['# Store the client secret AD FS printed above in Calpump (profiles edit … --client-secret-stdin).'] : []),
  ].join('\n');
}

function exchangeScript(p: EwsProfile, resource: string, adfs: boolean): string {
  const o = p.oauth!;
  const authServer = adfs
    ? [
        psAssign('AdfsMetadata', `${o.authorityHost.replace(/\/+$/, '')}/FederationMetadata/2007-06/FederationMetadata.xml`),
        "$AuthServer = Get-AuthServer | Where-Object Type -eq 'ADFS' | Select-Object -First 1",
        "if (-not $AuthServer) { $AuthServer = New-AuthServer -Type ADFS -Name 'ADFS' -AuthMetadataUrl $AdfsMetadata }",
      ]
    : [
        "$AuthServer = Get-AuthServer | Where-Object { $_.Type -eq 'AzureAD' -and $_.Name -like 'EvoSts*' } | Select-Object -First 1",
        "if (-not $AuthServer) { Write-Error 'No EvoSTS authorization server: run the Hybrid Configuration Wizard (classic full hybrid) first.' }",
      ];
  return [
    ...HEADER,
    '# Run in the Exchange Management Shell as a member of Organization Management.',
    psAssign('EwsUrl', p.url ?? `${resource}/EWS/Exchange.asmx`),
    psAssign('TestMailbox', p.testMailbox ?? p.username),
    '',
    '# 1. The Exchange OAuth certificate (Set-AuthConfig) must be current: tokens are checked against this configuration.',
    '$AuthConfig = Get-AuthConfig',
    '$AuthCert = $AuthConfig.CurrentCertificateThumbprint | Get-ExchangeCertificate -ErrorAction SilentlyContinue',
    'if (-not $AuthCert -or $AuthCert.NotAfter -lt (Get-Date)) {',
    "    Write-Warning 'The OAuth certificate is missing or expired. Renew it: New-ExchangeCertificate -KeySize 2048 -SubjectName ''cn=Microsoft Exchange Server Auth Certificate'' -FriendlyName ''Microsoft Exchange Server Auth Certificate'' -DomainName @() -PrivateKeyExportable $true, then Set-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate (Get-Date), Set-AuthConfig -PublishCertificate and Set-AuthConfig -ClearPreviousCertificate.'",
    '}',
    '# Verify: thumbprint and expiry of the certificate in use.',
    '(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | Format-List Thumbprint, Subject, NotAfter',
    '',
    '# 2. The authorization server that issues the tokens is the default authorization endpoint.',
    ...authServer,
    'if ($AuthServer -and -not $AuthServer.IsDefaultAuthorizationEndpoint) {',
    '    Set-AuthServer -Identity $AuthServer.Identity -IsDefaultAuthorizationEndpoint $true',
    '}',
    '# Verify',
    'Get-AuthServer | Format-Table Name, Type, Enabled, IsDefaultAuthorizationEndpoint',
    '',
    '# 3. Modern auth for clients in the organisation.',
    'Set-OrganizationConfig -OAuth2ClientProfileEnabled $true',
    '# Verify: True',
    'Get-OrganizationConfig | Format-List OAuth2ClientProfileEnabled',
    '',
    '# 4. OAuth on the EWS virtual directories (the other methods stay as they are).',
    'Get-WebServicesVirtualDirectory -ADPropertiesOnly | Where-Object { -not $_.OAuthAuthentication } |',
    '    ForEach-Object { Set-WebServicesVirtualDirectory -Identity $_.Identity -OAuthAuthentication $true }',
    '# Verify: OAuthAuthentication True on every server; then recycle MSExchangeServicesAppPool on each.',
    'Get-WebServicesVirtualDirectory -ADPropertiesOnly | Format-Table Server, OAuthAuthentication, InternalUrl, ExternalUrl',
    '',
    '# 5. End to end: Exchange accepts OAuth for EWS to the test mailbox.',
    '# Verify: ResultType Success',
    'Test-OAuthConnectivity -Service EWS -TargetUri $EwsUrl -Mailbox $TestMailbox -Verbose | Format-List ResultType, Detail',
  ].join('\n');
}

/** The scripts for an EWS profile with auth 'oauth': identity provider first, then Exchange. */
export function onPremOAuthScripts(p: EwsProfile, resource: string): SetupScript[] {
  const adfs = p.oauth!.tenantId.toLowerCase() === 'adfs';
  const appOnlyNote = p.oauth!.flow === 'clientCredentials' ? [text('setup.note.appOnlyCheck')] : [];
  return [
    adfs
      ? {
          id: 'oauth-adfs',
          title: text('setup.title.oauthAdfs'),
          shell: text('setup.shell.adfs'),
          script: adfsScript(p, resource),
          notes: [],
        }
      : {
          id: 'oauth-entra',
          title: text('setup.title.oauthEntra'),
          shell: text('setup.shell.mggraph'),
          script: entraScript(p, resource),
          notes: [text('setup.note.hcwFirst'), text('setup.note.spnDelay')],
        },
    {
      id: 'oauth-exchange',
      title: text('setup.title.oauthExchange'),
      shell: text('setup.shell.ems'),
      script: exchangeScript(p, resource, adfs),
      notes: [text('setup.note.orgWide'), ...appOnlyNote],
    },
  ];
}
