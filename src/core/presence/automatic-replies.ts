// A mailbox's automatic replies (out of office) as presence will read them: off, on, or on within a window. Read
// from EWS GetUserOofSettings or Graph /mailboxSettings/automaticRepliesSetting (the parsers below take the answers
// as those servers send them). Not yet an input of the presence rules: the connectors and rules come next.
import { graphInstant } from '../connectors/graph/graph-time.js';
import { child, descendants, textOf, type XmlNode } from '../connectors/ews/xml/safe-xml.js';

export interface AutomaticReplies {
  state: 'disabled' | 'enabled' | 'scheduled';
  /** ISO UTC; only for 'scheduled'. */
  start?: string;
  end?: string;
}

/** True when replies go out at `now`: always when enabled, inside [start, end) when scheduled. */
export function repliesActive(r: AutomaticReplies, now: Date): boolean {
  if (r.state === 'enabled') return true;
  if (r.state !== 'scheduled' || !r.start || !r.end) return false;
  const t = now.getTime();
  return t >= Date.parse(r.start) && t < Date.parse(r.end);
}

/** EWS times in OofSettings are UTC, with or without a zone designator. */
function ewsUtc(text: string | undefined): string | undefined {
  const v = text?.trim();
  if (!v) return undefined;
  const ms = Date.parse(/(?:[zZ]|[+-]\d\d:\d\d)$/.test(v) ? v : `${v}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The OofSettings of a GetUserOofSettings answer (the SOAP envelope); undefined when it holds none. */
export function parseEwsOofSettings(envelope: XmlNode): AutomaticReplies | undefined {
  const settings = descendants(envelope, 'OofSettings')[0];
  if (!settings) return undefined;
  const state = textOf(settings, 'OofState')?.trim();
  const duration = child(settings, 'Duration');
  if (state === 'Enabled') return { state: 'enabled' };
  if (state === 'Scheduled')
    return { state: 'scheduled', start: ewsUtc(textOf(duration, 'StartTime')), end: ewsUtc(textOf(duration, 'EndTime')) };
  return { state: 'disabled' };
}

interface GraphAutomaticReplies {
  status?: string;
  scheduledStartDateTime?: { dateTime: string; timeZone: string };
  scheduledEndDateTime?: { dateTime: string; timeZone: string };
}

/** Graph's automaticRepliesSetting; times come in the zone they name (UTC or a Windows zone) and are read as such. */
export function parseGraphAutomaticReplies(body: GraphAutomaticReplies): AutomaticReplies {
  if (body.status === 'alwaysEnabled') return { state: 'enabled' };
  if (body.status === 'scheduled')
    return {
      state: 'scheduled',
      start: body.scheduledStartDateTime ? graphInstant(body.scheduledStartDateTime) : undefined,
      end: body.scheduledEndDateTime ? graphInstant(body.scheduledEndDateTime) : undefined,
    };
  return { state: 'disabled' };
}
