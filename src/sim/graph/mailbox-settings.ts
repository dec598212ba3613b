// GET /users/{id}/mailboxSettings and /mailboxSettings/automaticRepliesSetting, as Graph answers them: the scheduled
// window in the mailbox's own Windows time zone (not UTC), the window kept when replies are off. Needs
// MailboxSettings.Read (application) inside the app's access policy scope, or MailboxSettings.Read (delegated) for
// the signed-in user's own mailbox; other mailboxes answer 403 ErrorAccessDenied.
import { ianaToWindows } from '../../shared/time-zones.js';
import { automaticRepliesOf } from '../world/automatic-replies.js';
import { localParts } from '../world/tz.js';
import type { SimMailbox } from '../world/types.js';
import { simTenant } from '../oauth/tenant.js';
import { requireRole } from './access.js';
import { graphError, ok, odataContext, type GraphRequest, type GraphResult } from './graph-http.js';

const STATUS = { Disabled: 'disabled', Enabled: 'alwaysEnabled', Scheduled: 'scheduled' } as const;
const AUDIENCE = { None: 'none', Known: 'contactsOnly', All: 'all' } as const;
const DENIED = 'Access is denied. Check credentials and try again.';
const POLICY_DENIED = 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-12-07T08:00:00.0000000" — the wall clock of `iso` in `zone`. */
function wallClock(iso: string, zone: string): string {
  const p = localParts(zone, Date.parse(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.0000000`;
}

function canReadSettings(req: GraphRequest, mb: SimMailbox): GraphResult | undefined {
  const denied = requireRole(req, 'MailboxSettings.Read', ['MailboxSettings.Read', 'MailboxSettings.ReadWrite']);
  if (denied && !req.token.roles.includes('MailboxSettings.ReadWrite')) return denied;
  const t = req.token;
  if (!t.upn) {
    const app = simTenant(req.ctx.world).apps.get(t.clientId);
    return app?.mailboxScope && !app.mailboxScope.has(mb.smtp) ? graphError(403, 'ErrorAccessDenied', POLICY_DENIED) : undefined;
  }
  const me = t.upn.toLowerCase();
  return mb.upn.toLowerCase() === me || mb.smtp === me ? undefined : graphError(403, 'ErrorAccessDenied', DENIED);
}

function automaticRepliesJson(req: GraphRequest, mb: SimMailbox): Record<string, unknown> {
  const r = automaticRepliesOf(req.ctx.world, mb);
  const zone = ianaToWindows(mb.timeZone);
  return {
    status: STATUS[r.state],
    externalAudience: AUDIENCE[r.externalAudience],
    internalReplyMessage: r.internalReply,
    externalReplyMessage: r.externalReply,
    scheduledStartDateTime: { dateTime: wallClock(r.start, mb.timeZone), timeZone: zone },
    scheduledEndDateTime: { dateTime: wallClock(r.end, mb.timeZone), timeZone: zone },
  };
}

export function getAutomaticRepliesSetting(req: GraphRequest, mb: SimMailbox): GraphResult {
  const denied = canReadSettings(req, mb);
  if (denied) return denied;
  return ok({
    '@odata.context': odataContext(req.ctx, `users('${encodeURIComponent(mb.smtp)}')/mailboxSettings/automaticRepliesSetting`),
    ...automaticRepliesJson(req, mb),
  });
}

export function getMailboxSettings(req: GraphRequest, mb: SimMailbox): GraphResult {
  const denied = canReadSettings(req, mb);
  if (denied) return denied;
  const lang = mb.language === 'de' ? 'de-DE' : mb.language === 'nl' ? 'nl-NL' : 'en-US';
  return ok({
    '@odata.context': odataContext(req.ctx, `users('${encodeURIComponent(mb.smtp)}')/mailboxSettings`),
    archiveFolder: '',
    timeZone: ianaToWindows(mb.timeZone),
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    dateFormat: lang === 'en-US' ? 'M/d/yyyy' : 'dd.MM.yyyy',
    timeFormat: lang === 'en-US' ? 'h:mm tt' : 'HH:mm',
    userPurpose: mb.kind === 'user' ? 'user' : mb.kind,
    automaticRepliesSetting: automaticRepliesJson(req, mb),
    language: { locale: lang, displayName: lang },
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: ianaToWindows(mb.timeZone) },
    },
  });
}
