// Setup scripts for OAuth to on-premises EWS: the Entra ID (or AD FS) side and the Exchange side, each step
// followed by a check, every profile value one single-quoted literal.
import { describe, expect, it } from 'vitest';
import { buildSetupPlan, renderSetupPlan } from '../../../../src/core/doctor/setup/index.js';
import { ewsProfileSchema } from '../../../../src/shared/profile.js';
import { codeOnly, tokenize } from './ps-tokenizer.js';

const oauthProfile = (oauth: Record<string, unknown> = {}, over: Record<string, unknown> = {}) =>
  ewsProfileSchema.parse({
    id: 'p1',
    name: 'onprem-oauth',
    kind: 'ews',
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    username: 'svc-calpump@contoso.com',
    testMailbox: 'anna.schmidt@contoso.com',
    auth: 'oauth',
    oauth: { tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555', ...oauth },
    ...over,
  });

const literals = (s: string) => tokenize(s).flatMap((t) => (t.kind === 'single' ? [t.value] : []));

/** Every numbered step ("# 1. …") is followed by a "# Verify" comment before the next step starts. */
function expectVerifiedSteps(script: string): void {
  const comments = tokenize(script).flatMap((t) => (t.kind === 'comment' ? [t.text] : []));
  const steps = comments.filter((c) => /^# \d+\./.test(c));
  expect(steps.length).toBeGreaterThan(0);
  let open = false;
  for (const c of comments) {
    if (/^# \d+\./.test(c)) {
      expect(open, `a step without a check before: ${c}`).toBe(false);
      open = true;
    } else if (/^# Verify/.test(c)) open = false;
  }
  expect(open, 'the last step has no check').toBe(false);
}

describe('OAuth on-premises setup (hybrid modern auth)', () => {
  it('app-only: registers the on-premises URL on the Exchange service principal and prepares Exchange, each with a check', () => {
    const plan = buildSetupPlan(oauthProfile());
    expect(plan.scripts.map((s) => s.id)).toEqual(['oauth-entra', 'oauth-exchange']);
    const [entra, exchange] = plan.scripts.map((s) => s.script);
    expect(literals(entra)).toEqual(
      expect.arrayContaining(['https://mail.contoso.com/', '00000002-0000-0ff1-ce00-000000000000', 'contoso.onmicrosoft.com']),
    );
    expect(entra).toContain(
      'Update-MgServicePrincipal -ServicePrincipalId $ExoSp.Id -ServicePrincipalNames ($ExoSp.ServicePrincipalNames + $OnPremUrl)',
    );
    expect(entra).toContain("Where-Object Value -eq 'full_access_as_app'");
    expect(exchange).toContain('Set-AuthConfig');
    expect(exchange).toContain('Set-AuthServer -Identity $AuthServer.Identity -IsDefaultAuthorizationEndpoint $true');
    expect(exchange).toContain('Set-OrganizationConfig -OAuth2ClientProfileEnabled $true');
    expect(exchange).toContain('-OAuthAuthentication $true');
    expect(exchange).toContain('Test-OAuthConnectivity -Service EWS -TargetUri $EwsUrl -Mailbox $TestMailbox');
    for (const s of [entra, exchange]) {
      expectVerifiedSteps(s);
      expect(tokenize(s).filter((t) => t.kind === 'double')).toEqual([]);
    }
    expect(renderSetupPlan(plan)).toContain('===== 2/2');
  });

  it('delegated: asks for EWS.AccessAsUser.All and then the rights of the signed-in user', () => {
    const plan = buildSetupPlan(oauthProfile({ flow: 'interactive' }));
    expect(plan.scripts.map((s) => s.id)).toEqual(['oauth-entra', 'oauth-exchange', 'impersonation']);
    expect(plan.scripts[0].script).toContain("-Scope 'EWS.AccessAsUser.All'");
  });

  it('uses the explicit resource when given', () => {
    const s = buildSetupPlan(oauthProfile({ resource: 'https://owa.contoso.com' })).scripts[0].script;
    expect(literals(s)).toContain('https://owa.contoso.com/');
  });

  it('AD FS: an application group with the Exchange URL as Web API, and an ADFS authorization server', () => {
    const plan = buildSetupPlan(oauthProfile({ tenantId: 'adfs', authorityHost: 'https://adfs.contoso.com' }));
    expect(plan.scripts.map((s) => s.id)).toEqual(['oauth-adfs', 'oauth-exchange']);
    expect(plan.scripts[0].script).toContain('Add-AdfsWebApiApplication');
    expect(plan.scripts[0].script).toContain('Grant-AdfsApplicationPermission');
    expect(literals(plan.scripts[1].script)).toContain('https://adfs.contoso.com/FederationMetadata/2007-06/FederationMetadata.xml');
    for (const s of plan.scripts) expectVerifiedSteps(s.script);
  });

  it('keeps a hostile tenant inside one literal', () => {
    const tenant = "x'; Remove-Item C:\\ -Recurse; '";
    for (const s of buildSetupPlan(oauthProfile({ tenantId: tenant })).scripts) {
      expect(codeOnly(tokenize(s.script))).not.toMatch(/Remove-Item/);
    }
    expect(literals(buildSetupPlan(oauthProfile({ tenantId: tenant })).scripts[0].script)).toContain(tenant);
  });
});
