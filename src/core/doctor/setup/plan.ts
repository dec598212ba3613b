// `calpump setup-script`: which scripts an administrator runs for a profile, generated from its values.
import type { TextRef } from '../../../shared/errors.js';
import type { EwsProfile, GraphProfile, Profile } from '../../../shared/profile.js';
import type { Lang } from '../catalogue.js';
import { renderEngineText, text } from '../../../shared/i18n/engine-texts.js';
import { onPremResource } from '../../auth/token-target.js';
import { delegateScript, impersonationScript } from './onprem.js';
import { onPremOAuthScripts } from './onprem-oauth.js';
import { accessPolicyScript, appRegistrationScript, ewsOnlineScript, rbacForAppsScript } from './online.js';
import { DEFAULT_SCOPE_GROUP, type SetupOptions, type SetupPlan, type SetupScript } from './types.js';

export function buildSetupPlan(profile: Profile, opts: SetupOptions = {}): SetupPlan {
  const plan = opts.write
    ? profile.kind === 'ews'
      ? ewsWritePlan(profile, opts)
      : graphWritePlan(profile, opts)
    : profile.kind === 'ews'
      ? ewsPlan(profile, opts)
      : graphPlan(profile, opts);
  return { profile: profile.name, kind: profile.kind, ...plan };
}

function ewsPlan(p: EwsProfile, opts: SetupOptions): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  if (p.legacyOnline) {
    return {
      scripts: [
        {
          id: 'ews-online',
          title: text('setup.title.ewsOnline'),
          shell: text('setup.shell.mggraphExo'),
          script: ewsOnlineScript(p),
          notes: [text('setup.note.allowListBlocks')],
        },
        {
          id: 'rbac-for-apps',
          title: text('setup.title.rbac'),
          shell: text('setup.shell.mggraphExo'),
          script: rbacForAppsScript(p.legacyOnline.clientId, group, p.testMailbox, 'Application EWS.AccessAsApp'),
          notes: [text('setup.note.groupMustExist'), text('setup.note.policyDelay')],
        },
      ],
      warnings: [text('setup.warning.ewsRetiring')],
    };
  }
  const resource = p.auth === 'oauth' && p.oauth ? onPremResource(p) : undefined;
  const oauth = resource ? onPremOAuthScripts(p, resource) : [];
  // An app-only token has no user whose rights could be set; a delegated one acts with the user's rights below.
  if (oauth.length && p.oauth?.flow === 'clientCredentials') return { scripts: oauth, warnings: [] };
  if (p.access === 'delegate') {
    const notes = [
      text('setup.note.delegateByType'),
      ...(opts.scopeGroup ? [text('setup.note.delegateNewMembers'), text('setup.note.groupMustExist')] : []),
    ];
    return {
      scripts: [
        ...oauth,
        {
          id: 'delegate',
          title: text('setup.title.delegate'),
          shell: text('setup.shell.ems'),
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
        title: text('setup.title.impersonation'),
        shell: text('setup.shell.ems'),
        script: impersonationScript(p, group),
        notes: [text('setup.note.groupMustExist'), text('setup.note.impersonationDelay')],
      },
    ],
    warnings: [],
  };
}

function graphPlan(p: GraphProfile, opts: SetupOptions): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  const scripts: SetupScript[] = [
    {
      id: 'app-registration',
      title: text('setup.title.app'),
      shell: text('setup.shell.mggraph'),
      script: appRegistrationScript(p, false, opts.contents),
      notes: [text('setup.note.consentDelay')],
    },
  ];
  const warnings: TextRef[] = [];
  if (p.flow === 'clientCredentials') {
    scripts.push(
      {
        id: 'access-policy',
        title: text('setup.title.policy'),
        shell: text('setup.shell.exo'),
        script: accessPolicyScript(p.clientId, group, p.testMailbox),
        notes: [text('setup.note.groupMustExist'), text('setup.note.chooseOne'), text('setup.note.policyDelay')],
      },
      {
        id: 'rbac-for-apps',
        title: text('setup.title.rbac'),
        shell: text('setup.shell.mggraphExo'),
        script: rbacForAppsScript(p.clientId, group, p.testMailbox, 'Application Calendars.Read'),
        notes: [text('setup.note.chooseOne'), text('setup.note.rbacUnscoped'), text('setup.note.policyDelay')],
      },
    );
  } else {
    warnings.push(text('setup.warning.delegatedNoScope'));
  }
  return { scripts, warnings };
}

/**
 * The write-side grants, least privilege first: Editor on the group's calendars before ApplicationImpersonation
 * (on-premises); Calendars.ReadWrite scoped by RBAC for Applications before the tenant-wide permission (online).
 */
function ewsWritePlan(p: EwsProfile, opts: SetupOptions): Omit<SetupPlan, 'profile' | 'kind'> {
  if (p.legacyOnline || p.oauth?.flow === 'clientCredentials') return ewsPlan(p, opts);
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  return {
    scripts: [
      {
        id: 'write-editor',
        title: text('setup.title.writeEditor'),
        shell: text('setup.shell.ems'),
        script: delegateScript(p, group, p.testMailbox, 'Editor'),
        notes: [
          text('setup.note.writeOrder'),
          text('setup.note.delegateByType'),
          text('setup.note.delegateNewMembers'),
          text('setup.note.writeCheck'),
        ],
      },
      {
        id: 'write-impersonation',
        title: text('setup.title.writeImpersonation'),
        shell: text('setup.shell.ems'),
        script: impersonationScript(p, group),
        notes: [text('setup.note.groupMustExist'), text('setup.note.impersonationDelay'), text('setup.note.writeCheck')],
      },
    ],
    warnings: [],
  };
}

function graphWritePlan(p: GraphProfile, opts: SetupOptions): Omit<SetupPlan, 'profile' | 'kind'> {
  const group = opts.scopeGroup ?? DEFAULT_SCOPE_GROUP;
  const tenant: SetupScript = {
    id: 'write-tenant',
    title: text('setup.title.writeTenant'),
    shell: text('setup.shell.mggraph'),
    script: appRegistrationScript(p, true, opts.contents),
    notes: [text('setup.note.consentDelay'), text('setup.note.writeCheck')],
  };
  if (p.flow !== 'clientCredentials') return { scripts: [tenant], warnings: [text('setup.warning.delegatedNoScope')] };
  return {
    scripts: [
      {
        id: 'write-rbac',
        title: text('setup.title.writeRbac'),
        shell: text('setup.shell.mggraphExo'),
        script: rbacForAppsScript(p.clientId, group, p.testMailbox, 'Application Calendars.ReadWrite'),
        notes: [
          text('setup.note.writeOrder'),
          text('setup.note.groupMustExist'),
          text('setup.note.policyDelay'),
          text('setup.note.writeCheck'),
        ],
      },
      tenant,
    ],
    warnings: [],
  };
}

/** The plan with its texts in the reader's language (the CLI's --json document: titles, shells, notes as words). */
export function setupPlanForReader(plan: SetupPlan, lang: Lang) {
  const t = (ref: TextRef) => renderEngineText(ref, lang);
  return {
    ...plan,
    scripts: plan.scripts.map((s) => ({ ...s, title: t(s.title), shell: t(s.shell), notes: s.notes.map(t) })),
    warnings: plan.warnings.map(t),
  };
}

/** One text for the terminal and the downloaded .ps1, in the reader's language: each script under a comment
 * header; notes and warnings as comments. */
export function renderSetupPlan(plan: SetupPlan, lang: Lang = 'en'): string {
  const t = (ref: TextRef) => renderEngineText(ref, lang);
  const out: string[] = [];
  for (const w of plan.warnings) out.push(`# WARNING: ${t(w)}`);
  if (plan.warnings.length) out.push('');
  plan.scripts.forEach((s, i) => {
    out.push(`# ===== ${i + 1}/${plan.scripts.length}: ${t(s.title)} — ${t(s.shell)} =====`);
    for (const n of s.notes) out.push(`# ${t(n)}`);
    out.push(s.script, '');
  });
  return out.join('\n');
}
