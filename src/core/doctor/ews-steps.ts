// The EWS half of the doctor: what /EWS/Exchange.asmx answers without and with credentials, the server
// version, access to the test mailbox (impersonation or delegate), and — through the real connector — the
// calendar folder and one day of its calendar view.
import type { EwsProfile } from '../../shared/profile.js';
import type { Connector } from '../connectors/connector.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { HttpClient, HttpResponse } from '../net/http-client.js';
import { mapEwsResponseCode, mapHttpStatus } from '../errors/error-map.js';
import { parseAuthSchemes } from '../connectors/ews/transport/auth-challenge.js';
import { looksLikeLoginPage, schemeOffered } from './probes/http-auth.js';
import { postEws, SOAP_HEADERS } from './probes/ews-post.js';
import { createEwsBearer, type EwsBearer } from '../auth/ews-bearer.js';
import { usesBearer } from '../connectors/ews/online-bearer.js';
import { httpSendFromClient } from '../auth/net-http-send.js';
import type { Logger } from '../log/logger.js';
import { getCalendarFolderSoap, readSoapAnswer, resolvedMailboxes, resolveNamesSoap, type SoapAnswer } from './probes/ews-soap.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { calendarViewFinding } from './findings.js';
import { kerberosTicketSteps, type KerberosContext } from './kerberos-steps.js';
import { explainNtlmRefusal } from './ntlm-refusal.js';
import { profileCredentials, storedPassword } from './probes/profile-credentials.js';
import type { StepSpec } from './runner.js';
import type { StepId } from './step-titles.js';
import { profileHttpClient } from '../connectors/profile-http-client.js';

export interface EwsContext extends KerberosContext {
  profile: EwsProfile;
  mailbox?: string;
  connector: () => Promise<Connector>;
  client?: HttpClient;
  offered?: string[];
  answer?: SoapAnswer;
  /** Calendar day the view step reads (UTC midnight). */
  day: Date;
  logger: Logger;
  /** Legacy EWS on Microsoft 365: the token source, made on first use. */
  bearer?: EwsBearer;
}

const ACCOUNT_CODES = new Set(['ErrorAccountDisabled', 'ErrorPasswordExpired', 'ErrorPasswordChangeRequired']);
const ADDRESS_CODES = new Set([
  'ErrorNonExistentMailbox',
  'ErrorInvalidExchangeImpersonationHeaderData',
  'ErrorInvalidSmtpAddress',
  'ErrorMailboxNotFound',
]);

async function client(ctx: EwsContext): Promise<HttpClient> {
  ctx.client ??= await profileHttpClient(
    ctx.profile,
    { secrets: ctx.secrets, env: ctx.env, fetchTimeoutMs: ctx.timeoutMs },
    { tls: ctx.tls, proxy: ctx.proxy },
  );
  return ctx.client;
}

function httpFailure(res: HttpResponse, url: string): CalpumpError {
  const id = mapHttpStatus(res.status, { backend: 'ews' });
  const retryAfter = String(res.headers['retry-after'] ?? '?');
  return new CalpumpError(id, {
    params: { url, status: String(res.status), retryAfter, proxy: res.route },
    evidence: `HTTP ${res.status} ${String(res.headers['content-type'] ?? '')}`.trim(),
  });
}

function formsFailure(res: HttpResponse): CalpumpError {
  const where = res.headers.location ? ` → ${String(res.headers.location)}` : ` (${String(res.headers['content-type'] ?? 'text/html')})`;
  return new CalpumpError('ews.auth.formsLogin', { evidence: `HTTP ${res.status}${where}` });
}

export function ewsSteps(after: StepId[], opts: { kerberos?: boolean } = {}): StepSpec<EwsContext>[] {
  const url = (ctx: EwsContext) => ctx.target!.href;
  const kerberos = !!opts.kerberos;
  const kerberosSteps = (): StepSpec<EwsContext>[] => (kerberos ? kerberosTicketSteps() : []);
  return [
    {
      id: 'http.endpoint',
      needs: after,
      async run(ctx) {
        const res = await (await client(ctx)).request({ url: url(ctx), method: 'GET' });
        if (looksLikeLoginPage(res.status, res.headers, res.body)) throw formsFailure(res);
        ctx.offered = parseAuthSchemes(res.headers['www-authenticate']);
        const date = res.headers.date ? new Date(res.headers.date) : undefined;
        ctx.serverDate = date && !Number.isNaN(date.getTime()) ? date : undefined;
        if (res.status === 401 && ctx.offered.length) {
          const offered = ctx.offered.join(', ');
          return { evidence: `HTTP 401; WWW-Authenticate: ${offered}`, detail: text('doctor.detail.endpoint', { offered }) };
        }
        if (res.status === 401 || res.status === 200) {
          throw new CalpumpError('doctor.ews.notEws', {
            params: { url: url(ctx), status: String(res.status), contentType: String(res.headers['content-type'] ?? '-') },
            evidence: res.body.slice(0, 200),
          });
        }
        throw httpFailure(res, url(ctx));
      },
    },
    {
      id: 'auth.schemes',
      needs: ['http.endpoint'],
      async run(ctx) {
        const wanted = usesBearer(ctx.profile) ? 'bearer' : ctx.profile.auth;
        const offered = ctx.offered ?? [];
        if (!schemeOffered(wanted, offered)) {
          throw new CalpumpError('ews.auth.schemeNotOffered', {
            params: { wanted: SCHEME_NAMES[wanted], offered: offered.join(', ') },
            evidence: `WWW-Authenticate: ${offered.join(', ')}`,
          });
        }
        return {
          evidence: `WWW-Authenticate: ${offered.join(', ')}`,
          detail: text('doctor.detail.authSchemes', { wanted: SCHEME_NAMES[wanted], offered: offered.join(', ') }),
        };
      },
    },
    ...kerberosSteps(),
    {
      id: 'auth.credentials',
      needs: kerberos ? ['kerberos.ticket'] : ['auth.schemes'],
      async run(ctx) {
        const p = ctx.profile;
        // The account's own calendar: any SOAP answer proves the credentials, even "no mailbox" for a
        // service account without one; it also carries ServerVersionInfo, which faults never do.
        const { res, answer } = await soap(ctx, undefined);
        ctx.answer = answer;
        if (answer.responseCode && ACCOUNT_CODES.has(answer.responseCode)) {
          throw new CalpumpError(mapEwsResponseCode(answer.responseCode), {
            params: { username: p.username },
            evidence: `${answer.responseCode}: ${answer.messageText ?? ''}`,
          });
        }
        const app = p.legacyOnline?.clientId ?? p.oauth?.clientId ?? '?';
        const who = usesBearer(p)
          ? { who: 'app', name: app, scheme: SCHEME_NAMES.bearer }
          : { who: 'user', name: p.username, scheme: SCHEME_NAMES[p.auth] };
        return { evidence: `HTTP ${res.status}; GetFolder calendar`, detail: text('doctor.detail.credentials', who) };
      },
    },
    {
      id: 'ews.version',
      needs: ['auth.credentials'],
      async run(ctx) {
        const a = ctx.answer!;
        if (a.serverVersion)
          return {
            evidence: a.serverVersion,
            detail: text('ews.detail.serverVersion', { version: a.serverVersion }),
            data: { serverVersion: a.serverVersion },
          };
        // A fault means Exchange refused the request before versioning it (busy, unsupported version, …).
        if (a.fault && a.responseCode) throw responseFailure(ctx, a, `GetFolder calendar: ${a.responseCode} — ${a.messageText ?? ''}`);
        throw new CalpumpError('doctor.ews.noServerVersion', { params: { url: url(ctx) } });
      },
    },
    {
      id: 'mailbox.access',
      needs: ['ews.version'],
      async run(ctx) {
        const p = ctx.profile;
        if (!ctx.mailbox) throw new CalpumpError('doctor.noTestMailbox');
        const { answer: a } = await soap(ctx, ctx.mailbox);
        const asked = `GetFolder calendar; ${p.access}=${ctx.mailbox}`;
        if (a.responseClass === 'Success')
          return { evidence: `${asked}: Success`, detail: text('doctor.detail.mailboxAccess', { access: p.access, mailbox: ctx.mailbox }) };
        const code = a.responseCode ?? 'ErrorUnknown';
        const evidence = `${asked}: ${code}${a.messageText ? ` — ${a.messageText}` : ''}`;
        if (ADDRESS_CODES.has(code)) {
          const smtp = await smtpForUpn(ctx, ctx.mailbox);
          if (smtp) throw new CalpumpError('doctor.ews.upnNotSmtp', { params: { mailbox: ctx.mailbox, smtp }, evidence });
        }
        throw responseFailure(ctx, a, evidence);
      },
    },
    {
      id: 'calendar.folder',
      needs: ['mailbox.access'],
      async run(ctx) {
        const folders = await (await ctx.connector()).folderTree(ctx.mailbox!, ['calendar']);
        const main = folders.find((f) => f.distinguishedId === 'calendar') ?? folders[0];
        if (!main) throw new CalpumpError('ews.folder.notFound', { params: { folder: 'calendar', mailbox: ctx.mailbox! } });
        return {
          detail: text('doctor.detail.calendarFolder', { name: main.name, items: main.totalCount, calendars: folders.length }),
          data: { calendar: main.name },
        };
      },
    },
    {
      id: 'calendar.view',
      needs: ['calendar.folder'],
      async run(ctx) {
        const to = new Date(ctx.day.getTime() + 86_400_000);
        let n = 0;
        const events = (await ctx.connector()).calendarView(ctx.mailbox!, 'calendar', ctx.day, to)[Symbol.asyncIterator]();
        while (!(await events.next()).done) n++;
        return { detail: calendarViewFinding(n, false, ctx.day) };
      },
    },
  ];
}

/** One authenticated GetFolder(calendar) — of the account itself (mailbox undefined) or of the test mailbox. */
async function soap(ctx: EwsContext, mailbox: string | undefined): Promise<{ res: HttpResponse; answer: SoapAnswer }> {
  const p = ctx.profile;
  const target = ctx.target!.href;
  const res = usesBearer(p) ? await postWithBearer(ctx, mailbox) : await postWithProfileAuth(ctx, mailbox);
  if (looksLikeLoginPage(res.status, res.headers, res.body)) throw formsFailure(res);
  if (res.status === 401 && !usesBearer(p) && p.auth === 'ntlm' && ctx.target!.protocol === 'https:') {
    // NTLM over HTTPS: a wrong password and Extended Protection look alike; compare to tell them apart.
    throw await explainNtlmRefusal({
      client: await client(ctx),
      url: target,
      body: calendarFolderSoap(ctx, mailbox),
      username: p.username,
      password: await storedPassword(ctx),
      offered: ctx.offered ?? [],
    });
  }
  if (res.status === 401) {
    const sent = usesBearer(p) ? 'Bearer' : SCHEME_NAMES[p.auth];
    const diag = res.headers['x-ms-diagnostics'] ? `; x-ms-diagnostics: ${String(res.headers['x-ms-diagnostics'])}` : '';
    throw new CalpumpError('ews.auth.unauthorized', { params: { username: p.username }, evidence: `HTTP 401 (${sent})${diag}` });
  }
  const answer = readSoapAnswer(res.body, target);
  if (!answer.isSoap) {
    if (res.status !== 200) throw httpFailure(res, target);
    throw new CalpumpError('doctor.ews.notEws', {
      params: { url: target, status: String(res.status), contentType: String(res.headers['content-type'] ?? '-') },
      evidence: res.body.slice(0, 200),
    });
  }
  return { res, answer };
}

/** How the doctor names a sign-in method: the protocol's own name. */
const SCHEME_NAMES: Record<EwsProfile['auth'] | 'bearer', string> = {
  basic: 'Basic',
  ntlm: 'NTLM',
  kerberos: 'Negotiate (Kerberos)',
  oauth: 'Bearer (OAuth)',
  bearer: 'Bearer (OAuth)',
};

function calendarFolderSoap(ctx: EwsContext, mailbox: string | undefined): string {
  const p = ctx.profile;
  return getCalendarFolderSoap({ version: p.exchangeVersion ?? 'Exchange2013', access: p.access, mailbox });
}

async function postWithProfileAuth(ctx: EwsContext, mailbox: string | undefined): Promise<HttpResponse> {
  return postEws(await client(ctx), ctx.target!.href, calendarFolderSoap(ctx, mailbox), await profileCredentials(ctx));
}

/**
 * OAuth (legacy EWS on Microsoft 365, or on-premises): an app-only token (full_access_as_app) always
 * impersonates someone; a delegated one reads the signed-in user's own calendar, or the mailbox as the profile says.
 */
async function postWithBearer(ctx: EwsContext, mailbox: string | undefined): Promise<HttpResponse> {
  const p = ctx.profile;
  const http = httpSendFromClient(await client(ctx));
  ctx.bearer ??= createEwsBearer(p, { secrets: ctx.secrets, logger: ctx.logger, http, now: ctx.now });
  const as = ctx.bearer.appOnly ? (mailbox ?? ctx.mailbox ?? p.username) : mailbox;
  const headers = await ctx.bearer.headers(as ?? p.username);
  const access = ctx.bearer.appOnly ? 'impersonation' : p.access;
  const body = getCalendarFolderSoap({ version: p.exchangeVersion ?? 'Exchange2013', access, mailbox: as });
  return (await client(ctx)).request({ url: ctx.target!.href, method: 'POST', body, headers: { ...SOAP_HEADERS, ...headers } });
}

function responseFailure(ctx: EwsContext, a: SoapAnswer, evidence: string): CalpumpError {
  const p = ctx.profile;
  const code = a.responseCode ?? 'ErrorUnknown';
  const backoffMs = a.backoffMs === undefined ? '?' : String(a.backoffMs);
  return new CalpumpError(mapEwsResponseCode(code, { access: p.access }), {
    params: { mailbox: ctx.mailbox ?? p.username, username: p.username, code, text: a.messageText ?? code, backoffMs, folder: 'calendar' },
    evidence,
  });
}

/** When a UPN was given for a mailbox whose SMTP address differs, say which address to use. */
async function smtpForUpn(ctx: EwsContext, given: string): Promise<string | undefined> {
  const lower = given.toLowerCase();
  try {
    const page = await (await ctx.connector()).listMailboxes(given);
    const hit = page.items.find((m) => m.upn?.toLowerCase() === lower && m.smtp.toLowerCase() !== lower);
    if (hit) return hit.smtp;
  } catch {
    // only a hint: fall back to asking the directory directly
  }
  try {
    const p = ctx.profile;
    if (usesBearer(p)) return undefined;
    const res = await postEws(
      await client(ctx),
      ctx.target!.href,
      resolveNamesSoap(p.exchangeVersion ?? 'Exchange2013', given),
      await profileCredentials(ctx),
    );
    const found = res.status === 200 ? resolvedMailboxes(res.body) : [];
    // Exactly one mailbox, under another address: the name given was its sign-in name.
    return found.length === 1 && found[0].toLowerCase() !== lower ? found[0] : undefined;
  } catch {
    return undefined;
  }
}
