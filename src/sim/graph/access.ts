// Who may read what: application permissions (roles) plus the application access policy scope for app-only
// tokens; for delegated tokens the signed-in user's own mailbox or a calendar folder shared with Reviewer+.
import { PERMISSION_LEVELS, type SimMailbox } from '../world/types.js';
import { folderOf, mailboxOf } from '../world/world.js';
import { objectId } from '../oauth/identity.js';
import { simTenant } from '../oauth/tenant.js';
import { graphError, type GraphRequest, type GraphResult } from './graph-http.js';

const DENIED = 'Access is denied. Check credentials and try again.';
const POLICY_DENIED = 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';

export function requireRole(req: GraphRequest, role: string, delegated: string[]): GraphResult | undefined {
  const t = req.token;
  const has = t.upn ? delegated.some((s) => t.scopes.includes(s)) : t.roles.includes(role);
  if (has) return undefined;
  if (role.startsWith('User.') || role.startsWith('Place.'))
    return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  return graphError(403, 'ErrorAccessDenied', DENIED);
}

const idIndex = new WeakMap<object, Map<string, string>>();

/** A user segment: object id, UPN or primary SMTP (any case). */
export function resolveMailbox(req: GraphRequest, segment: string): SimMailbox | undefined {
  const world = req.ctx.world;
  const s = decodeURIComponent(segment).toLowerCase();
  const direct = mailboxOf(world, s);
  if (direct) return direct;
  let index = idIndex.get(world);
  if (!index) {
    index = new Map();
    for (const m of world.mailboxes.values()) {
      index.set(objectId(m.upn), m.smtp);
      index.set(m.upn.toLowerCase(), m.smtp);
    }
    idIndex.set(world, index);
  }
  const smtp = index.get(s);
  return smtp ? mailboxOf(world, smtp) : undefined;
}

export function notFoundUser(segment: string): GraphResult {
  return graphError(404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(segment)}' is invalid.`);
}

/** Read access to a mailbox's calendar folder (folderId undefined = default calendar). */
export function canReadCalendar(req: GraphRequest, mb: SimMailbox, folderId?: string): GraphResult | undefined {
  const t = req.token;
  if (!t.upn) {
    const app = simTenant(req.ctx.world).apps.get(t.clientId);
    if (app?.mailboxScope && !app.mailboxScope.has(mb.smtp)) return graphError(403, 'ErrorAccessDenied', POLICY_DENIED);
    return undefined;
  }
  const me = t.upn.toLowerCase();
  if (mb.upn.toLowerCase() === me || mb.smtp === me) return undefined;
  const folder = folderOf(req.ctx.world, mb.smtp, folderId ?? 'calendar');
  const account = req.ctx.world.accounts.find((a) => a.upn.toLowerCase() === me);
  const role = folder?.permissions[(account?.smtp ?? me).toLowerCase()] ?? folder?.permissions.default ?? 'None';
  return PERMISSION_LEVELS.indexOf(role) >= PERMISSION_LEVELS.indexOf('Reviewer')
    ? undefined
    : graphError(403, 'ErrorAccessDenied', DENIED);
}
