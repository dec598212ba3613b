// Final Graph answers that are failures → catalogue entries. Graph's error body is
// {"error":{"code","message","innerError":{"request-id",…}}}; the code and the request-id go into evidence.
import { text } from '../../../shared/i18n/engine-texts.js';
import type { TextRef } from '../../../shared/errors.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { GraphHttpResult } from './transport.js';

export interface GraphErrorContext {
  profile: string;
  clientId: string;
  graphHost: string;
  authorityHost: string;
  operation: string;
  mailbox?: string;
  folder?: string;
  /** Roles of the app-only token in use (undefined for delegated tokens), to tell "no permission" from "scoped out". */
  appRoles?: string[];
}

export interface GraphErrorBody {
  code: string;
  message: string;
  requestId?: string;
}

export function parseGraphError(body: unknown): GraphErrorBody {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return { code: 'nonJson', message: body.slice(0, 200) };
    }
  }
  const e = (parsed as { error?: { code?: string; message?: string; innerError?: Record<string, string> } })?.error;
  return { code: e?.code ?? 'unknown', message: e?.message ?? '', requestId: e?.innerError?.['request-id'] };
}

const PERMISSION_BY_OPERATION: Record<string, string> = {
  users: 'User.Read.All',
  user: 'User.Read.All',
  rooms: 'Place.Read.All',
  groups: 'GroupMember.Read.All',
  transitiveMembers: 'GroupMember.Read.All',
  mailboxSettings: 'MailboxSettings.Read',
  automaticRepliesSetting: 'MailboxSettings.Read',
  contacts: 'Contacts.Read',
  contactFolders: 'Contacts.Read',
  contactFolder: 'Contacts.Read',
  contactsDelta: 'Contacts.Read',
  todoLists: 'Tasks.Read.All',
  todoTasks: 'Tasks.Read.All',
  todoTask: 'Tasks.Read.All',
  todoTasksDelta: 'Tasks.Read.All',
};

/** The write permission of a read one grants the read as well (Calendars.ReadWrite, Tasks.ReadWrite.All…). */
const grants = (roles: string[], permission: string) =>
  roles.includes(permission) || roles.includes(permission.replace('.Read', '.ReadWrite'));

export function graphFailure(status: number, body: unknown, ctx: GraphErrorContext, headers: Record<string, string> = {}): CalpumpError {
  const e = parseGraphError(body);
  const evidence = `HTTP ${status} ${e.code}: ${e.message}${e.requestId ? ` (request-id ${e.requestId})` : ''}`;
  const base = {
    profile: ctx.profile,
    clientId: ctx.clientId,
    graphHost: ctx.graphHost,
    authorityHost: ctx.authorityHost,
    operation: ctx.operation,
    mailbox: ctx.mailbox ?? '',
    folder: ctx.folder ?? '',
  };
  const make = (id: ConstructorParameters<typeof CalpumpError>[0], extra: Record<string, string> = {}) =>
    new CalpumpError(id, { params: { ...base, code: e.code, description: e.message, status: String(status), ...extra }, evidence });
  if (status === 401) return make('graph.token.invalid');
  if (status === 403) {
    const permission = PERMISSION_BY_OPERATION[ctx.operation] ?? 'Calendars.Read';
    if (e.code === 'Authorization_RequestDenied') return make('graph.permission.missing', { permission });
    if (/RAOP|AccessPolicy/i.test(e.message)) return make('graph.mailbox.accessDenied');
    if (ctx.appRoles && !grants(ctx.appRoles, permission)) {
      return make('graph.permission.missing', { permission });
    }
    return make('graph.mailbox.accessDenied');
  }
  if (status === 404) {
    if (ctx.folder && ctx.folder !== 'calendar' && e.code === 'ErrorItemNotFound') return make('graph.folder.notFound');
    return make('graph.mailbox.notFound');
  }
  if (status === 429 || status === 503 || status === 504) {
    return make('graph.throttled', { attempts: headers['x-calpump-attempts'] ?? '?', retryAfter: headers['retry-after'] ?? '-' });
  }
  return make('graph.server');
}

/** A 2xx answer whose body is not the JSON Graph promises (a proxy's page, a cut-off body). */
export function invalidResponse(ctx: GraphErrorContext, problem: TextRef, evidence: string): CalpumpError {
  return new CalpumpError('graph.response.invalid', {
    params: { operation: ctx.operation, problem, graphHost: ctx.graphHost },
    evidence,
  });
}

export function checkOk(res: GraphHttpResult, ctx: GraphErrorContext): unknown {
  if (res.status < 200 || res.status >= 300) throw graphFailure(res.status, res.body, ctx, res.headers);
  try {
    return res.body ? JSON.parse(res.body) : {};
  } catch {
    throw invalidResponse(
      ctx,
      text('problem.graph.notJson', { status: res.status, bytes: res.body.length }),
      `HTTP ${res.status}, ${res.body.length} bytes`,
    );
  }
}
