// The EWS backend of Connector: builds the HTTP client (TLS, proxy) and transport once, resolves the EWS URL
// (autodiscover or the profile's URL) lazily, and maps every call onto the operations.
import type { TextRef } from '../../../shared/errors.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import type {
  AutomaticReplies,
  AvailabilityOptions,
  CalendarViewOptions,
  Connector,
  ReadItemsOptions,
  SyncOptions,
  SyncResult,
  TestOptions,
} from '../connector.js';
import type { NormalisedItem } from '../../../shared/item-model.js';
import type { ConnectorDeps } from '../deps.js';
import { profileHttpClient } from '../profile-http-client.js';
import type {
  Change,
  Folder,
  FolderKind,
  FreeBusyBlock,
  Mailbox,
  MailboxPage,
  NormalisedEvent,
  Recurrence,
  TestStep,
} from '../../../shared/model.js';
import type { EwsProfile } from '../../../shared/profile.js';
import { CalpumpError, toCalpumpError } from '../../errors/calpump-error.js';
import { HttpClient } from '../../net/http-client.js';
import { discoverEwsUrl } from './autodiscover/discover-ews-url.js';
import { readCalendarView } from './calendar-view-reader.js';
import { runConnectionTest } from './connection-test.js';
import type { ExchangeVersionName } from './library-call.js';
import { mailboxAddress } from './mailbox-address.js';
import { MailboxLister } from './mailbox-listing.js';
import { OrganizerCacheFile, organizerCachePath } from './native/organizer-cache.js';
import { OrganizerResolver } from './native/organizer-resolver.js';
import { readFolderTree } from './folder-tree.js';
import { ewsGroupMembers } from './group-members.js';
import { getCalendarItems } from './operations/get-calendar-items.js';
import { getRoomsOf } from './operations/get-rooms.js';
import { getSeriesRecurrence } from './operations/get-series-recurrence.js';
import { getUserOofSettings } from './operations/get-user-oof-settings.js';
import { AVAILABILITY_MAX_MAILBOXES, getUserAvailability } from './operations/get-user-availability.js';
import { syncFolderItems } from './operations/sync-folder-items.js';
import { readPimItems } from './operations/read-pim-items.js';
import { bearerAuthLabel, effectiveAccess, profileBearer, usesBearer } from './online-bearer.js';
import type { EwsSession } from './session.js';
import { EwsTransport, type BearerAuth, type RequestRecorder } from './transport/ews-transport.js';
import type { HttpSender } from './transport/http-sender.js';
import { profileAuth, type KerberosSeams } from './transport/profile-auth.js';
import type { RetryPolicy } from './transport/retry-policy.js';
import { ServerWaits } from '../../net/server-wait.js';

export interface EwsConnectorOptions extends KerberosSeams {
  /** Receives every EWS SOAP request body (tests validate them against Microsoft's schema). */
  recorder?: RequestRecorder;
  /** Replaces the network (parser tests answer with recorded Exchange responses). */
  http?: HttpSender;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Autodiscover base URL instead of https://<domain> and https://autodiscover.<domain> (tests). */
  autodiscoverBase?: string;
  /** Calendar windows longer than this are read in chunks (default 700 days: CalendarView refuses over two years). */
  calendarChunkDays?: number;
  /** MaxEntriesReturned per CalendarView page (default 500). */
  calendarPageSize?: number;
}

const INVALID_SYNC_STATE = new Set(['ErrorInvalidSyncStateData', 'ErrorSyncStateCorrupt', 'ErrorInvalidSyncStateVersion']);
const AVAILABILITY_MAX_DAYS = 42;
/**
 * Requests in flight at once: Exchange's default EWSMaxConcurrency (27 per user, the service account when
 * impersonating). A job at concurrency 27 gets a connection per mailbox; more would be refused with ErrorServerBusy.
 */
export const EWS_MAX_CONCURRENCY = 27;

export class EwsConnector implements Connector {
  readonly kind = 'ews' as const;
  readonly serverWaits = new ServerWaits();
  private http?: Promise<HttpSender>;
  private sessionPromise?: Promise<EwsSession>;
  private urlHow = 'unresolved';
  private bearer?: BearerAuth;
  private transport?: EwsTransport;
  private readonly lister = new MailboxLister(() => this.session());
  private readonly organizers: OrganizerResolver;

  constructor(
    private readonly profile: EwsProfile,
    private readonly deps: ConnectorDeps,
    private readonly options: EwsConnectorOptions = {},
  ) {
    const file = deps.cacheDir ? new OrganizerCacheFile({ path: organizerCachePath(deps.cacheDir, profile.id) }) : undefined;
    this.organizers = new OrganizerResolver({ file });
  }

  private httpSender(): Promise<HttpSender> {
    this.http ??= this.options.http
      ? Promise.resolve(this.options.http)
      : profileHttpClient(this.profile, this.deps, { maxSockets: EWS_MAX_CONCURRENCY });
    // A bad CA file is fixed by editing the profile; do not keep the failure for the connector's lifetime.
    this.http.catch(() => (this.http = undefined));
    return this.http;
  }

  private session(): Promise<EwsSession> {
    this.sessionPromise ??= this.openSession();
    // A failed resolution (autodiscover, missing secret) is retried on the next call, not cached.
    this.sessionPromise.catch(() => (this.sessionPromise = undefined));
    return this.sessionPromise;
  }

  private async openSession(): Promise<EwsSession> {
    const p = this.profile;
    const logger = this.deps.logger.child({ profile: p.name, backend: 'ews' });
    const http = await this.httpSender();
    if (usesBearer(p)) this.bearer ??= profileBearer(p, this.deps, http, logger);
    this.transport?.close();
    const transport = new EwsTransport({
      http,
      ...profileAuth(p, this.deps, this.options),
      bearer: usesBearer(p) ? this.bearer : undefined,
      logger,
      waits: this.serverWaits,
      recorder: this.options.recorder,
      sleep: this.options.sleep,
      random: this.options.random,
      retry: this.options.retry,
    });
    this.transport = transport;
    let url = p.url;
    if (p.autodiscoverEmail) {
      try {
        const found = await discoverEwsUrl(transport, p.autodiscoverEmail, { base: this.options.autodiscoverBase });
        url = found.ewsUrl;
        this.urlHow = `autodiscover ${found.via}`;
        logger.info('ews.autodiscover.found', { url, via: found.via });
      } catch (e) {
        if (!p.url) throw e;
        logger.warn('ews.autodiscover.fallback', { url: p.url, reason: (e as CalpumpError).evidence });
        this.urlHow = 'profile URL (autodiscover failed)';
      }
    } else this.urlHow = 'profile URL';
    const version: ExchangeVersionName = p.exchangeVersion ?? 'Exchange2013';
    // App-only tokens (full_access_as_app) have no mailbox of their own: Exchange needs ExchangeImpersonation.
    const access = effectiveAccess(p, this.bearer);
    const session: EwsSession = {
      transport,
      url: url!,
      version,
      username: p.username,
      access,
      fallbackZone: p.timeZone,
      logger,
      appOnlyAnchor: this.bearer?.appOnly ? this.bearer.fallbackMailbox : undefined,
    };
    logger.debug('ews.session', { url: session.url, route: await (await this.httpSender()).describeRoute(session.url) });
    return session;
  }

  private mailbox(m: string): string {
    return mailboxAddress(m, this.profile.mailDomain);
  }

  async test(mailbox: string, opts: TestOptions = {}): Promise<TestStep[]> {
    const report = (steps: TestStep[]) => (steps.forEach((s) => opts.onStep?.(s)), steps);
    let address: string;
    try {
      address = this.mailbox(mailbox);
    } catch (e) {
      const err = e as CalpumpError;
      return report([
        {
          id: 'input.mailbox',
          title: text('ews.step.mailboxAddress'),
          status: 'fail',
          durationMs: 0,
          error: err.info(),
        },
      ]);
    }
    let http: HttpSender;
    try {
      http = await this.httpSender();
    } catch (e) {
      const err = toCalpumpError(e);
      return report([
        {
          id: 'net.tls',
          title: text('ews.step.tlsSettings'),
          status: 'fail',
          durationMs: 0,
          error: err.info(),
        },
      ]);
    }
    return runConnectionTest(
      {
        session: () => this.session(),
        urlSource: () => this.urlHow,
        route: (url) => http.describeRoute(url),
        tls: await this.tlsDescription(),
        auth: this.authLabel(),
      },
      address,
      opts.onStep,
    );
  }

  private backendLabel(): string {
    return this.profile.legacyOnline ? 'EWS (Exchange Online, legacy)' : 'EWS (Exchange on-premises)';
  }

  private authLabel(): string {
    if (usesBearer(this.profile)) return bearerAuthLabel(this.profile);
    if (this.profile.auth === 'kerberos') return `Kerberos (${this.profile.kerberos?.credential ?? 'password'})`;
    return this.profile.auth === 'basic' ? 'Basic' : 'NTLM';
  }

  private async tlsDescription(): Promise<string> {
    const http = await this.httpSender();
    return http instanceof HttpClient ? http.tlsPolicy.description : 'test transport';
  }

  listMailboxes(search?: string, cursor?: string): Promise<MailboxPage> {
    return this.lister.list(search, cursor);
  }

  async groupMembers(group: string): Promise<Mailbox[]> {
    return ewsGroupMembers(await this.session(), group);
  }

  async roomListMembers(roomList: string): Promise<Mailbox[]> {
    const rooms = await getRoomsOf(await this.session(), roomList);
    return rooms.map((r) => ({ id: r.smtp.toLowerCase(), displayName: r.displayName, smtp: r.smtp, kind: 'room' }));
  }

  async folderTree(mailbox: string, kinds: FolderKind[] = ['calendar']): Promise<Folder[]> {
    return readFolderTree(await this.session(), this.mailbox(mailbox), kinds);
  }

  calendarView(mailbox: string, folderId: string, from: Date, to: Date, opts: CalendarViewOptions = {}): AsyncIterable<NormalisedEvent> {
    // One generator between the reader and its consumer (no yield* layer: every item crosses each generator
    // with promises of its own); the checks and the session still happen at the first next(), as before.
    const open = async () => {
      if (!(from < to))
        throw new CalpumpError('input.invalid', {
          params: { field: 'window', problem: text('problem.window.order', { from: from.toISOString(), to: to.toISOString() }) },
        });
      return { s: await this.session(), mailbox: this.mailbox(mailbox) };
    };
    return readCalendarView(open, folderId, from, to, {
      chunkDays: this.options.calendarChunkDays ?? 700,
      pageSize: this.options.calendarPageSize ?? 500,
      includeBody: opts.includeBody,
      includeAttendees: opts.includeAttendees,
      ...(opts.fields ? { fields: opts.fields } : {}),
      signal: opts.signal,
      organizers: this.organizers,
      onItemSkipped: opts.onItemSkipped,
    });
  }

  async *readItems(
    mailbox: string,
    folderId: string,
    content: 'contacts' | 'tasks',
    opts: ReadItemsOptions = {},
  ): AsyncIterable<NormalisedItem> {
    yield* readPimItems(await this.session(), this.mailbox(mailbox), folderId, content, opts);
  }

  async syncChanges(mailbox: string, folderId: string, state: string | undefined, opts: SyncOptions = {}): Promise<SyncResult> {
    const s = await this.session();
    const mb = this.mailbox(mailbox);
    let current = state || undefined;
    let fullResync = false;
    const kinds = new Map<string, 'create' | 'update' | 'delete'>();
    for (;;) {
      let batch;
      try {
        batch = await syncFolderItems(s, mb, folderId, current);
      } catch (e) {
        if (
          current &&
          !fullResync &&
          e instanceof CalpumpError &&
          typeof e.params.code === 'string' &&
          INVALID_SYNC_STATE.has(e.params.code)
        ) {
          s.logger.warn('ews.sync.stateInvalid', { mailbox: mb, folder: folderId, code: e.params.code });
          current = undefined;
          fullResync = true;
          kinds.clear();
          continue;
        }
        throw e;
      }
      for (const id of batch.created) kinds.set(id, 'create');
      // Created and then changed within one sync is still a create for the caller.
      for (const id of batch.updated) kinds.set(id, kinds.get(id) === 'create' ? 'create' : 'update');
      for (const id of batch.deleted) kinds.set(id, 'delete');
      current = batch.syncState;
      if (!batch.more) break;
    }
    if (opts.idsOnly)
      return {
        changes: [],
        changeIds: [...kinds].map(([id, kind]) => ({ kind, id })),
        nextState: current ?? '',
        fullResync: fullResync || undefined,
      };
    const changedIds = [...kinds].filter(([, k]) => k !== 'delete').map(([id]) => id);
    const events = changedIds.length ? await getCalendarItems(s, mb, changedIds, { onItemSkipped: opts.onItemSkipped }) : [];
    const changes: Change[] = events.map((event) => ({ kind: kinds.get(event.id) === 'create' ? 'create' : 'update', event }));
    for (const [id, k] of kinds) if (k === 'delete') changes.push({ kind: 'delete', id });
    return { changes, nextState: current ?? '', fullResync: fullResync || undefined };
  }

  async availability(mailboxes: string[], from: Date, to: Date, opts: AvailabilityOptions = {}): Promise<FreeBusyBlock[]> {
    const s = await this.session();
    const all = mailboxes.map((m) => this.mailbox(m));
    const out: FreeBusyBlock[] = [];
    for (let i = 0; i < all.length; i += AVAILABILITY_MAX_MAILBOXES) {
      for (let t = from.getTime(); t < to.getTime(); t += AVAILABILITY_MAX_DAYS * 86_400_000) {
        const end = new Date(Math.min(to.getTime(), t + AVAILABILITY_MAX_DAYS * 86_400_000));
        out.push(...(await getUserAvailability(s, all.slice(i, i + AVAILABILITY_MAX_MAILBOXES), new Date(t), end, opts.onMailboxError)));
      }
    }
    return out;
  }

  async seriesRecurrence(mailbox: string, seriesIds: readonly string[]): Promise<Map<string, Recurrence>> {
    return getSeriesRecurrence(await this.session(), this.mailbox(mailbox), seriesIds);
  }

  async automaticReplies(mailbox: string): Promise<AutomaticReplies> {
    return getUserOofSettings(await this.session(), this.mailbox(mailbox));
  }

  async describe(): Promise<Record<string, string | TextRef>> {
    const p = this.profile;
    let http: HttpSender;
    try {
      http = await this.httpSender();
    } catch (e) {
      return {
        backend: this.backendLabel(),
        ewsUrl: p.url ?? `autodiscover ${p.autodiscoverEmail}`,
        // The id names the problem; the CA file (when there is one) is what to look at.
        tls: `unusable: ${toCalpumpError(e).id}${p.tls?.caFile ? ` (${p.tls.caFile})` : ''}`,
      };
    }
    const d: Record<string, string | TextRef> = {
      backend: this.backendLabel(),
      auth: this.authLabel(),
      username: p.username,
      access: effectiveAccess(p, this.bearer),
      exchangeVersion: p.exchangeVersion ?? 'Exchange2013',
      tls: await this.tlsDescription(),
    };
    try {
      const s = await this.session();
      d.ewsUrl = s.url;
      d.urlSource = this.urlHow;
      d.proxy = await http.describeRoute(s.url);
    } catch (e) {
      d.ewsUrl = `not resolved: ${toCalpumpError(e).id}`;
      if (p.url) d.proxy = await http.describeRoute(p.url);
    }
    return d;
  }

  async close(): Promise<void> {
    await this.organizers.flush();
    this.transport?.close();
    const http = this.http ? await this.http.catch(() => undefined) : undefined;
    if (http instanceof HttpClient) http.close();
  }
}

export function createEwsConnector(profile: EwsProfile, deps: ConnectorDeps, options?: EwsConnectorOptions): Connector {
  return new EwsConnector(profile, deps, options);
}
