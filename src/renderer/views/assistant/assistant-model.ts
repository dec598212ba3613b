// The first-run assistant without React: its steps in order, what each needs before "Next", and the profile and
// job it builds. Names are derived (the mail domain, "<domain> calendars"), so the user types only the address,
// the password and the target folder.
import { JOB_NAME_PATTERN } from '../../../shared/job.js';
import { PROFILE_NAME_PATTERN } from '../../../shared/profile.js';
import type { Discovery, JobView, ProfileView, TestResult } from '../../../shared/rpc.js';

export const ASSISTANT_STEPS = ['address', 'server', 'signin', 'test', 'mailboxes', 'folders', 'target', 'schedule'] as const;
export type AssistantStep = (typeof ASSISTANT_STEPS)[number];

export type SignInMethod = 'ntlm' | 'basic';
export type ScheduleChoice = 'interval' | 'manual';

export interface AssistantState {
  step: AssistantStep;
  email: string;
  discovery?: Discovery;
  /** A certificate the user looked at and chose to trust (SHA-256). */
  pinnedSha256?: string;
  /** When autodiscover found nothing: the EWS URL typed instead. */
  ewsUrl: string;
  username: string;
  password: string;
  method: SignInMethod;
  test?: TestResult;
  profile?: ProfileView;
  mailboxes: string[];
  folders: string[];
  targetPath: string;
  format: 'ics' | 'json' | 'csv';
  schedule: ScheduleChoice;
  intervalMinutes: number;
  job?: JobView;
}

export function initialAssistant(): AssistantState {
  return {
    step: 'address',
    email: '',
    ewsUrl: '',
    username: '',
    password: '',
    method: 'ntlm',
    mailboxes: [],
    folders: ['calendar'],
    targetPath: '',
    format: 'ics',
    schedule: 'interval',
    intervalMinutes: 30,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (v: string): boolean => EMAIL.test(v.trim());
const domainOf = (email: string) =>
  email
    .trim()
    .slice(email.indexOf('@') + 1)
    .toLowerCase();

/** The sign-in method to offer first: NTLM where the server offers it (what Windows uses), else Basic. */
export function preferredMethod(d: Discovery | undefined): SignInMethod {
  if (!d || d.authSchemes.length === 0) return 'ntlm';
  return d.authSchemes.includes('ntlm') || d.authSchemes.includes('negotiate') ? 'ntlm' : 'basic';
}

/** A name for the new profile that fits the name rules and is not taken: "contoso.com", "contoso.com 2". */
export function profileNameFor(email: string, taken: readonly string[]): string {
  const base =
    domainOf(email)
      .replace(/[^A-Za-z0-9 ._-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 56) || 'Exchange';
  return uniqueName(base, taken, PROFILE_NAME_PATTERN);
}

export function jobNameFor(email: string, taken: readonly string[]): string {
  const base = `${
    domainOf(email)
      .replace(/[^A-Za-z0-9 ._-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 50) || 'Calendar'
  } calendars`;
  return uniqueName(base, taken, JOB_NAME_PATTERN);
}

function uniqueName(base: string, taken: readonly string[], pattern: RegExp): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} ${i}`;
    if (!lower.has(name.toLowerCase()) && pattern.test(name)) return name;
  }
}

/** The EWS URL the test resolved (autodiscover), when it is one. */
export function resolvedEwsUrl(test: TestResult | undefined): string | undefined {
  const url = test?.details.ewsUrl;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The Exchange profile the assistant tests and then saves. */
export function draftProfile(s: AssistantState, name: string, timeZone: string): Record<string, unknown> {
  const url = s.ewsUrl.trim() || resolvedEwsUrl(s.test);
  return {
    kind: 'ews',
    name,
    ...(url ? { url } : { autodiscoverEmail: s.email.trim() }),
    auth: s.method,
    username: s.username.trim() || s.email.trim(),
    access: 'impersonation',
    testMailbox: s.email.trim(),
    timeZone,
    tls: s.pinnedSha256 ? { pinnedSha256: s.pinnedSha256 } : {},
    proxy: { mode: 'system' },
  };
}

export function draftJob(s: AssistantState, name: string, profileId: string): Record<string, unknown> {
  return {
    name,
    type: 'export',
    profile: profileId,
    mailboxes: { mode: 'list', list: s.mailboxes },
    folders: { ids: s.folders.length ? s.folders : ['calendar'], includeSubfolders: false },
    window: { daysBack: 7, daysAhead: 90 },
    format: s.format,
    target: { kind: 'folder', path: s.targetPath.trim() },
    schedule: s.schedule === 'interval' ? { kind: 'interval', minutes: s.intervalMinutes, active: true } : { kind: 'manual' },
  };
}

/** Whether "Next" may be pressed on a step (the step's own check ran and passed). */
export function canContinue(s: AssistantState): boolean {
  switch (s.step) {
    case 'address':
      return isEmail(s.email);
    case 'server':
      return s.discovery?.kind === 'ews' || /^https:\/\/\S+$/i.test(s.ewsUrl.trim());
    case 'signin':
      return s.password.length > 0 && (s.username.trim() === '' || /^\S+$/.test(s.username.trim()));
    case 'test':
      return !!s.test?.ok;
    case 'mailboxes':
      return s.mailboxes.length > 0;
    case 'folders':
      return s.folders.length > 0;
    case 'target':
      return s.targetPath.trim().length > 0;
    case 'schedule':
      return s.schedule === 'manual' || (Number.isInteger(s.intervalMinutes) && s.intervalMinutes >= 1 && s.intervalMinutes <= 10080);
  }
}

export function nextStep(step: AssistantStep): AssistantStep | undefined {
  return ASSISTANT_STEPS[ASSISTANT_STEPS.indexOf(step) + 1];
}

export function previousStep(step: AssistantStep): AssistantStep | undefined {
  return ASSISTANT_STEPS[ASSISTANT_STEPS.indexOf(step) - 1];
}
