// `calpump setup-script`: which scripts an administrator runs for a profile, generated from its values.
import type { EwsProfile, GraphProfile, Profile } from '../../../shared/profile.js';
import type { Lang } from '../catalogue.js';
import { onPremResource } from '../../auth/token-target.js';
import { delegateScript, impersonationScript } from './onprem.js';
import { onPremOAuthScripts } from './onprem-oauth.js';
import { accessPolicyScript, appRegistrationScript, ewsOnlineScript, rbacForAppsScript } from './online.js';
import { SETUP_TEXT as T } from './texts.js';
import { DEFAULT_SCOPE_GROUP, type SetupOptions, type SetupPlan, type SetupScript } from './types.js';

export function buildSetupPlan(profile: Profile, opts: SetupOptions = {}): SetupPlan {
  const lang: Lang = opts.lang ?? 'en';
  const plan = opts.write
    ? profile.kind === 'ews'
      ? ewsWritePlan(profile, opts, lang)
      : graphWritePlan(profile, opts, lang)
    : profile.kind === 'ews'
      ? ewsPlan(profile, opts, lang)
      : graphPlan(profile, opts, lang);
  return { profile: profile.name, kind: profile.kind, ...plan };
}

function ewsPlan(p: EwsProfile, opts: SetupOptions, lang: Lang): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  if (p.legacyOnline) {
    return {
      scripts: [
        {
          id: 'ews-online',
          title: T.ewsOnlineTitle[lang],
          shell: T.mggraphExo[lang],
          script: ewsOnlineScript(p),
          notes: [T.allowListBlocks[lang]],
        },
        {
          id: 'rbac-for-apps',
          title: T.rbacTitle[lang],
          shell: T.mggraphExo[lang],
          script: rbacForAppsScript(p.legacyOnline.clientId, group, p.testMailbox, 'Application EWS.AccessAsApp'),
          notes: [T.groupMustExist[lang], T.policyDelay[lang]],
        },
      ],
      warnings: [T.ewsRetiring[lang]],
    };
  }
  const resource = p.auth === 'oauth' && p.oauth ? onPremResource(p) : undefined;
  const oauth = resource ? onPremOAuthScripts(p, resource, lang, { ems: T.ems[lang], mggraph: T.mggraph[lang] }) : [];
  // An app-only token has no user whose rights could be set; a delegated one acts with the user's rights below.
  if (oauth.length && p.oauth?.flow === 'clientCredentials') return { scripts: oauth, warnings: [] };
  if (p.access === 'delegate') {
    const notes = [T.delegateByType[lang], ...(opts.scopeGroup ? [T.delegateNewMembers[lang], T.groupMustExist[lang]] : [])];
    return {
      scripts: [
        ...oauth,
        {
          id: 'delegate',
          title: T.delegateTitle[lang],
          shell: T.ems[lang],
          script: delegateScript(p, opts.scopeGroup, p.testMailbox),
          notes,
        },
      ],
      warnings: [],
    };
  }
  return {
    scripts: [
      ...oauth,
      {
        id: 'impersonation',
        title: T.impersonationTitle[lang],
        shell: T.ems[lang],
        script: impersonationScript(p, group),
        notes: [T.groupMustExist[lang], T.impersonationDelay[lang]],
      },
    ],
    warnings: [],
  };
}

function graphPlan(p: GraphProfile, opts: SetupOptions, lang: Lang): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  const scripts: SetupScript[] = [
    {
      id: 'app-registration',
      title: T.appTitle[lang],
      shell: T.mggraph[lang],
      script: appRegistrationScript(p),
      notes: [T.consentDelay[lang]],
    },
  ];
  const warnings: string[] = [];
  if (p.flow === 'clientCredentials') {
    scripts.push(
      {
        id: 'access-policy',
        title: T.policyTitle[lang],
        shell: T.exo[lang],
        script: accessPolicyScript(p.clientId, group, p.testMailbox),
        notes: [T.groupMustExist[lang], T.chooseOne[lang], T.policyDelay[lang]],
      },
      {
        id: 'rbac-for-apps',
        title: T.rbacTitle[lang],
        shell: T.mggraphExo[lang],
        script: rbacForAppsScript(p.clientId, group, p.testMailbox, 'Application Calendars.Read'),
        notes: [T.chooseOne[lang], T.rbacUnscoped[lang], T.policyDelay[lang]],
      },
    );
  } else {
    warnings.push(T.delegatedNoScope[lang]);
  }
  return { scripts, warnings };
}

/**
 * The write-side grants, least privilege first: Editor on the group's calendars before ApplicationImpersonation
 * (on-premises); Calendars.ReadWrite scoped by RBAC for Applications before the tenant-wide permission (online).
 */
function ewsWritePlan(p: EwsProfile, opts: SetupOptions, lang: Lang): Omit<SetupPlan, 'profile' | 'kind'> {
  if (p.legacyOnline || p.oauth?.flow === 'clientCredentials') return ewsPlan(p, opts, lang);
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  return {
    scripts: [
      {
        id: 'write-editor',
        title: T.writeEditorTitle[lang],
        shell: T.ems[lang],
        script: delegateScript(p, group, p.testMailbox, 'Editor'),
        notes: [T.writeOrder[lang], T.delegateByType[lang], T.delegateNewMembers[lang], T.writeCheck[lang]],
      },
      {
        id: 'write-impersonation',
        title: T.writeImpersonationTitle[lang],
        shell: T.ems[lang],
        script: impersonationScript(p, group),
        notes: [T.groupMustExist[lang], T.impersonationDelay[lang], T.writeCheck[lang]],
      },
    ],
    warnings: [],
  };
}

function graphWritePlan(p: GraphProfile, opts: SetupOptions, lang: Lang): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  const tenant: SetupScript = {
    id: 'write-tenant',
    title: T.writeTenantTitle[lang],
    shell: T.mggraph[lang],
    script: appRegistrationScript(p, true),
    notes: [T.consentDelay[lang], T.writeCheck[lang]],
  };
  if (p.flow !== 'clientCredentials') return { scripts: [tenant], warnings: [T.delegatedNoScope[lang]] };
  return {
    scripts: [
      {
        id: 'write-rbac',
        title: T.writeRbacTitle[lang],
        shell: T.mggraphExo[lang],
        script: rbacForAppsScript(p.clientId, group, p.testMailbox, 'Application Calendars.ReadWrite'),
        notes: [T.writeOrder[lang], T.groupMustExist[lang], T.policyDelay[lang], T.writeCheck[lang]],
      },
      tenant,
    ],
    warnings: [],
  };
}

/** One text for the terminal: each script under a comment header; notes and warnings as comments. */
export function renderSetupPlan(plan: SetupPlan): string {
  const out: string[] = [];
  for (const w of plan.warnings) out.push(`# WARNING: ${w}`);
  if (plan.warnings.length) out.push('');
  plan.scripts.forEach((s, i) => {
    out.push(`# ===== ${i + 1}/${plan.scripts.length}: ${s.title} — ${s.shell} =====`);
    for (const n of s.notes) out.push(`# ${n}`);
    out.push(s.script, '');
  });
  return out.join('\n');
}
